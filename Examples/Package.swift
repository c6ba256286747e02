// swift-tools-version:6.0
import PackageDescription

// An example of embedding Entente in your own tool: a package that depends on the library by path,
// the way a user's package would depend on it by URL: relations-query (the default of `swift run`) and
// quick-start, the README's quick start as it is printed there; the diagram example is a package of
// its own in CustomDiagram/.
let package = Package(
    name: "EntenteExamples",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "relations-query", targets: ["relations-query"]),
        .executable(name: "quick-start", targets: ["quick-start"]),
    ],
    dependencies: [
        // `name:` fixes the package's identity as "Entente", whatever the directory of the clone is called.
        .package(name: "Entente", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "relations-query",
            dependencies: [
                .product(name: "Entente", package: "Entente"),
                .product(name: "EntenteGraphviz", package: "Entente"),
            ]
        ),
        .executableTarget(
            name: "quick-start",
            dependencies: [
                .product(name: "Entente", package: "Entente"),
                .product(name: "EntenteGraphviz", package: "Entente"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
