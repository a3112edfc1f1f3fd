// swift-tools-version: 6.1
import PackageDescription

// Kept apart from the main package so `swift test` never builds the benchmark tools.
let package = Package(
    name: "sift-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "sift", path: "../")],
    targets: [
        .executableTarget(
            name: "ThemesBenchmark",
            dependencies: [.product(name: "SiftCore", package: "sift")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "ingest-json-xml-bench",
            dependencies: [.product(name: "SiftCore", package: "sift")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
