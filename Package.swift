// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "sift",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SiftCore", targets: ["SiftCore"]),
        .executable(name: "sift", targets: ["sift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries, each wrapped once (see Sources/*/module.modulemap).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // ICU word break behind opaque C functions: importing ICU headers into Swift next to
        // Foundation clashes on UErrorCode, and ICU's symbols are versioned macros.
        .target(name: "CICUShim", linkerSettings: [.linkedLibrary("icuuc")]),
        // Language identification: CLD2 is C++, so a C header fronts it; libexttextcat is measured beside it.
        .target(
            name: "CLanguageID",
            linkerSettings: [.linkedLibrary("cld2"), .linkedLibrary("exttextcat-2.0"), .linkedLibrary("stdc++")]
        ),
        // The word tables scripts/embed-lexicons lays out of the shipped lexicons, as read-only data.
        .target(name: "CLexiconTables"),
        .target(
            name: "SiftCore",
            dependencies: [
                "CLibXML2", "CStemmer", "CICUShim", "CLanguageID", "CLexiconTables",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // The report's JSON Schema lives beside the code that writes the report; it is not compiled in.
            exclude: ["Report/report.schema.json"],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "sift",
            dependencies: [
                "SiftCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "SiftCoreTests", dependencies: ["SiftCore"], swiftSettings: strictSwift),
        .testTarget(name: "siftTests", dependencies: ["SiftCore", "sift"], swiftSettings: strictSwift),
    ]
)
