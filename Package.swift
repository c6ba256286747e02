// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Entente",
    // Mutex (the one locked Graphviz context) needs macOS 15; Linux has no such floor.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Entente", targets: ["Entente"]),
        .library(name: "EntenteGraphviz", targets: ["EntenteGraphviz"]),
        .library(name: "EntenteExact", targets: ["EntenteExact"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.7.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .target(
            name: "Entente",
            dependencies: [
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .systemLibrary(
            name: "CFontconfig",
            pkgConfig: "fontconfig",
            providers: [.apt(["libfontconfig-dev"]), .brew(["fontconfig"])]
        ),
        .target(
            name: "EntenteGraphviz",
            dependencies: ["Entente", "CGraphviz", "CFontconfig"],
            resources: [
                .embedInCode("Explorer/explorer.html"), .embedInCode("Explorer/explorer.css"),
                .embedInCode("Explorer/explorer.js"), .embedInCode("Explorer/paths.js"),
            ]
        ),
        // COIN-OR CBC, loaded with dlopen at run time: builds without it (see CBCSolver.swift).
        .target(name: "EntenteExact", dependencies: ["Entente"]),
        .executableTarget(
            name: "render-benchmark",
            dependencies: ["Entente", "EntenteGraphviz"],
            path: "Benchmarks/RenderBenchmark"
        ),
        .executableTarget(name: "entente-benchmark", dependencies: ["Entente"], path: "Benchmarks/EntenteBenchmark"),
        .executableTarget(name: "balance-benchmark", dependencies: ["Entente"], path: "Benchmarks/BalanceBenchmark"),
        .executableTarget(name: "years-benchmark", dependencies: ["Entente"], path: "Benchmarks/YearsBenchmark"),
        .testTarget(name: "EntenteTests", dependencies: ["Entente"], exclude: ["Fixtures"]),
        .testTarget(name: "EntenteGraphvizTests", dependencies: ["Entente", "EntenteGraphviz"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "EntenteExactTests", dependencies: ["Entente", "EntenteExact"]),
    ],
    swiftLanguageModes: [.v6]
)
