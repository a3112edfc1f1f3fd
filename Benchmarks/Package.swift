// swift-tools-version: 6.1
import PackageDescription

// Kept apart from the main package so `swift test` never builds the benchmark tools or their dependencies.
let package = Package(
    name: "sift-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "sift", path: "../"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "ThemesBenchmark",
            dependencies: [.product(name: "SiftCore", package: "sift")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Times the CSV scanner and `sift ingest`'s reader against SwiftCSV and CSV.swift (BENCHMARKS.md).
        .executableTarget(
            name: "csv-bench",
            dependencies: [
                .product(name: "SiftCore", package: "sift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ]
)
