// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "brief",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "brief", targets: ["brief"]),
        // The translation cache's SQLite storage, opened by brief at run time only when it
        // translates (GRDB brings Foundation, which would slow every command's start).
        .library(name: "BriefTranslationStore", type: .dynamic, targets: ["BriefTranslationStore"]),
        // The HTTP client (async-http-client over SwiftNIO), opened by brief at run time only when
        // it reaches the network, so that commands on files never load NIO.
        .library(name: "BriefHTTP", type: .dynamic, targets: ["BriefHTTP"]),
        .library(name: "BriefKit", targets: ["BriefResources", "BriefText", "BriefPage", "BriefRepair", "BriefLanguage", "BriefDocument", "BriefSummary", "BriefInput", "BriefPipeline", "BriefOutput", "BriefGlossary", "BriefNames", "BriefTranslate", "BriefEval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Links system ICU (libicu-dev). Its header exposes no ICU types: see design.md's pitfall
        // about Foundation's private ICU copy.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Snowball stemmers (libstemmer-dev, no pkg-config file: the module map links it by name).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // The only code that includes <unicode/*.h>; its public header uses plain C types.
        .target(name: "ICUBridge", dependencies: ["CICU"]),
        .target(name: "BriefResources"),
        // Starts engines in a process group of their own that dies with brief (fork, prctl).
        .target(name: "ProcessGroup"),
        // The stages, in the order data flows through them.
        // zlib (zlib1g-dev): gzip-compressed inputs.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "BriefInput", dependencies: ["CZlib", "BriefResources"]),
        .target(name: "BriefText", dependencies: ["ICUBridge", "BriefResources"]),
        // libxml2's HTML parser (opened at run time) walked into a flat tree, in C.
        .target(name: "HTMLBridge", cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])]),
        // Pages to articles: HTML parsing and main-text extraction, metadata, text copied from a page.
        .target(name: "BriefPage", dependencies: ["HTMLBridge", "ICUBridge", "BriefText", "BriefLanguage", "BriefResources"]),
        .target(name: "BriefRepair", dependencies: ["BriefResources"]),
        .target(name: "BriefLanguage", dependencies: ["CStemmer", "BriefResources"]),
        .target(name: "BriefDocument", dependencies: ["BriefText", "BriefLanguage", "BriefResources"]),
        .target(name: "BriefSummary", dependencies: ["BriefDocument", "BriefResources"]),
        .target(name: "BriefPipeline", dependencies: ["BriefInput", "BriefText", "BriefPage", "BriefRepair", "BriefDocument", "BriefSummary", "BriefGlossary", "BriefNames", "BriefTranslate", "BriefResources"]),
        .target(name: "BriefTranslate", dependencies: ["BriefInput", "BriefGlossary", "BriefResources", "ProcessGroup"]),
        .target(name: "BriefHTTP", dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .target(name: "BriefTranslationStore", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "BriefNames", dependencies: ["BriefText", "BriefLanguage", "BriefDocument", "BriefResources"]),
        .target(name: "BriefGlossary", dependencies: ["BriefText", "BriefLanguage", "BriefResources"]),
        .target(name: "BriefEval", dependencies: ["BriefLanguage", "BriefSummary", "BriefDocument", "BriefResources"]),
        .target(name: "BriefOutput", dependencies: ["BriefResources", "BriefRepair", "BriefPipeline", "BriefInput", "BriefDocument", "BriefSummary", "BriefGlossary", "BriefNames", "BriefTranslate"]),
        .executableTarget(
            name: "brief",
            dependencies: [
                "BriefInput", "BriefText", "BriefPage", "BriefRepair", "BriefDocument", "BriefSummary", "BriefPipeline", "BriefOutput", "BriefEval", "BriefGlossary", "BriefNames", "BriefTranslate", "BriefResources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "brief-bench",
            dependencies: ["BriefInput", "BriefText", "BriefRepair", "BriefDocument", "BriefSummary", "BriefPipeline", "BriefGlossary", "BriefResources"],
            path: "Benchmarks/brief-bench"
        ),
        .testTarget(name: "BriefTextTests", dependencies: ["BriefText", "BriefResources"]),
        .testTarget(name: "BriefInputTests", dependencies: ["BriefInput"]),
        .testTarget(name: "BriefPageTests", dependencies: ["BriefPage", "BriefText", "BriefResources"]),
        .testTarget(name: "BriefLanguageTests", dependencies: ["BriefLanguage", "BriefResources"]),
        .testTarget(name: "BriefRepairTests", dependencies: ["BriefRepair", "BriefResources"]),
        .testTarget(name: "BriefDocumentTests", dependencies: ["BriefDocument", "BriefText", "BriefResources"]),
        .testTarget(name: "BriefSummaryTests", dependencies: ["BriefSummary", "BriefDocument", "BriefText"]),
        .testTarget(name: "BriefPipelineTests", dependencies: ["BriefPipeline", "BriefResources", "BriefSummary"]),
        .testTarget(name: "BriefEvalTests", dependencies: ["BriefEval", "BriefResources"]),
        .testTarget(name: "BriefOutputTests", dependencies: ["BriefOutput", "BriefPipeline", "BriefInput", "BriefResources"]),
        .testTarget(name: "BriefGlossaryTests", dependencies: ["BriefGlossary", "BriefResources"]),
        .testTarget(name: "BriefNamesTests", dependencies: ["BriefNames", "BriefDocument", "BriefResources"]),
        .testTarget(name: "BriefTranslateTests", dependencies: ["BriefTranslate", "BriefGlossary", "BriefResources"]),
        .testTarget(name: "EndToEndTests", dependencies: ["BriefResources"]),
    ]
)
