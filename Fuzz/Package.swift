// swift-tools-version:6.0
// brief's coverage-guided fuzzing harness (libFuzzer). A separate package so that the fuzzing
// flags never reach the main build. Build and run it with scripts/fuzz/ (see Fuzz/README.md):
//   swift build --package-path Fuzz -c release --scratch-path Fuzz/.build \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
import PackageDescription

let package = Package(
    name: "brief-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "brief", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "brief-fuzz",
            dependencies: [.product(name: "BriefKit", package: "brief")]
        ),
    ],
    // Global state shared with libFuzzer's C callbacks is simplest in Swift 5 mode.
    swiftLanguageModes: [.v5]
)
