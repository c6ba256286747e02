// swift-tools-version:6.0
// libFuzzer harnesses for Entente's readers. Not part of the main build: `make fuzz` builds this
// package with `-sanitize=fuzzer,address` and runs each harness (see the README's Fuzzing section).
import PackageDescription

let harnesses = ["FuzzJSON", "FuzzCSV", "FuzzDOT", "FuzzGraphML", "FuzzGEXF"]

let package = Package(
    name: "EntenteFuzz",
    dependencies: [.package(name: "Entente", path: "..")],
    targets: [
        // The driver call every harness makes (libFuzzer's LLVMFuzzerRunDriver).
        .target(name: "FuzzDriver"),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzDriver",
                .product(name: "Entente", package: "Entente"),
                .product(name: "EntenteGraphviz", package: "Entente"),
            ],
            // libFuzzer supplies `main`; the harness only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    },
    swiftLanguageModes: [.v6]
)
