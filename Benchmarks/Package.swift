// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` at the top never builds them or their dependencies.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which is `sift` in a clone but differs in worktrees.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "sift-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../"),
    ],
    targets: [
        .executableTarget(
            name: "text-bench",
            dependencies: [.product(name: "SiftCore", package: root)],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "language-id-eval",
            dependencies: [.product(name: "SiftCore", package: root)],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
