// swift-tools-version:6.0
import PackageDescription

// The diagram example: renders a styled diagram through EntenteGraphviz, which links Graphviz's
// libraries (libgvc, libcgraph: `apt-get install libgraphviz-dev pkg-config`). A package of its own
// so that each example package has one executable and `swift run` needs no product name.
let package = Package(
    name: "CustomDiagram",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "custom-diagram", targets: ["custom-diagram"]),
    ],
    dependencies: [
        // `name:` fixes the package's identity as "Entente", whatever the directory of the clone is called.
        .package(name: "Entente", path: "../.."),
    ],
    targets: [
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
