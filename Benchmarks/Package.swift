// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` at the top never builds them or their dependencies.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which is `sift` in a clone but differs in worktrees.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Sources")

/// Extra dependencies of some benchmark tools: the libraries they are measured against.
let extraDependencies: [String: [Target.Dependency]] = [
    // Times the CSV scanner and `sift ingest`'s reader against SwiftCSV and CSV.swift (BENCHMARKS.md).
    "csv-bench": [.product(name: "SwiftCSV", package: "SwiftCSV"), .product(name: "CSV", package: "CSV.swift")],
]

// Every folder in Sources/ is one benchmark executable over SiftCore.
let tools = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()

let package = Package(
    name: "sift-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: tools.map { tool in
        .executableTarget(
            name: tool,
            dependencies: [.product(name: "SiftCore", package: root)] + (extraDependencies[tool] ?? []),
            swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-Ounchecked"])]
        )
    }
)
