// swift-tools-version:6.0
import PackageDescription

// An example of embedding Entente in your own tool: a package that depends on the library by path,
// the way a user's package would depend on it by URL: relations-query,
// quick-start, the README's quick start as it is printed there, and custom-diagram, a styled diagram
// through EntenteGraphviz, which links Graphviz's libraries (libgvc, libcgraph:
// `apt-get install libgraphviz-dev pkg-config`).
let package = Package(
    name: "EntenteExamples",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "relations-query", targets: ["relations-query"]),
        .executable(name: "quick-start", targets: ["quick-start"]),
        .executable(name: "custom-diagram", targets: ["custom-diagram"]),
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
        .executableTarget(
            name: "custom-diagram",
            dependencies: [
                .product(name: "Entente", package: "Entente"),
                .product(name: "EntenteGraphviz", package: "Entente"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
