// swift-tools-version:6.0
// The `entente` command-line tool: a package of its own, so that a package depending on the Entente
// libraries resolves and builds only what the libraries need (no swift-argument-parser, no plugins).
// It uses the libraries' public API only, as any other client does. `make build`, `make test` and
// `make demo` build it; by hand: `swift build --package-path CLI` (binary in CLI/.build/debug/).
import PackageDescription

let package = Package(
    name: "EntenteCLI",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "entente", targets: ["entente"]),
    ],
    dependencies: [
        // `name:` fixes the package's identity as "Entente", whatever the directory of the clone is called.
        .package(name: "Entente", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "entente",
            dependencies: [
                .product(name: "Entente", package: "Entente"),
                .product(name: "EntenteGraphviz", package: "Entente"),
                .product(name: "EntenteExact", package: "Entente"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "EntenteCLITests", dependencies: ["entente"], exclude: ["validate_writers.py"]),
    ],
    swiftLanguageModes: [.v6]
)
