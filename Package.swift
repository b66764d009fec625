// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Readout",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "readout", targets: ["readout"]),
        .library(name: "ReadoutStats", targets: ["ReadoutStats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // C library: Debian's cmark-gfm. The extensions library has no pkg-config file; the module map links it by name.
        // READOUT_STATIC_CMARK=1 (.ci/static-binary) skips pkg-config, whose -L/usr/lib/<triple> would come first and
        // pick the shared libraries: the folder of the static archives given with -Xlinker -L wins instead.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: Context.environment["READOUT_STATIC_CMARK"] == "1" ? nil : "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // One C function: snprintf("%.*f") for NumberFormat (Swift cannot call a variadic C function directly).
        .target(name: "CReadoutFormat"),
        // Shared vocabulary: diagnostics, formatting, escaping.
        .target(name: "ReadoutCore", dependencies: ["CReadoutFormat"], swiftSettings: strict),
        // Pure statistics: no Foundation, no I/O.
        .target(name: "ReadoutStats", swiftSettings: strict),
        // CSV and SAS XPT readers into columnar datasets.
        .target(name: "ReadoutData", dependencies: ["ReadoutCore"], swiftSettings: strict),
        // trial.yaml model, analysis plan, results.
        .target(name: "ReadoutPlan", dependencies: ["ReadoutCore", "ReadoutData", "ReadoutStats"], swiftSettings: strict),
        // SVG figures from chart specs; knows nothing about trials.
        .target(name: "ReadoutFigures", dependencies: ["ReadoutCore"], swiftSettings: strict),
        // Narrative Markdown through cmark-gfm.
        .target(name: "ReadoutMarkdown", dependencies: ["ReadoutCore", "CCmarkGFM"], swiftSettings: strict),
        // Seeded synthetic trial generator (the sample's locked data).
        .target(name: "ReadoutSynth", dependencies: ["ReadoutCore", "ReadoutData"], swiftSettings: strict),
        // Pages: results → HTML through Mustache themes.
        .target(
            name: "ReadoutRender",
            dependencies: [
                "ReadoutCore", "ReadoutPlan", "ReadoutFigures", "ReadoutMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        // The only module with file-system effects: project loading, pipeline, staging, publishing.
        .target(
            name: "ReadoutBuild",
            dependencies: [
                "ReadoutCore", "ReadoutData", "ReadoutStats", "ReadoutPlan", "ReadoutRender", "ReadoutSynth",
                "ReadoutMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // `readout serve`: the loopback preview server, on POSIX sockets (a server package would bring
        // FoundationNetworking and so libcurl into the static binary).
        .target(name: "ReadoutServe", dependencies: ["ReadoutCore", "ReadoutBuild"], swiftSettings: strict),
        // Command-line interface.
        .target(
            name: "ReadoutCLI",
            dependencies: [
                "ReadoutCore", "ReadoutBuild", "ReadoutPlan", "ReadoutStats", "ReadoutData", "ReadoutServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "readout", dependencies: ["ReadoutCLI"], swiftSettings: strict),
        // Benchmarks (run with -c release): statistics kernels; medians and growth plot of Benchmarks/e2e.sh.
        .executableTarget(name: "readout-bench", dependencies: ["ReadoutStats", "ReadoutSynth", "ReadoutFigures"], path: "Benchmarks/readout-bench"),

        // Test support: fixtures, shared numeric tolerance, temporary projects.
        .target(name: "ReadoutTestSupport", dependencies: ["ReadoutCore"], path: "Tests/ReadoutTestSupport"),
        .testTarget(name: "ReadoutCoreTests", dependencies: ["ReadoutCore", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutStatsTests", dependencies: ["ReadoutStats", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutDataTests", dependencies: ["ReadoutData", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutPlanTests", dependencies: ["ReadoutPlan", "ReadoutData", "ReadoutStats", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutFiguresTests", dependencies: ["ReadoutFigures", "ReadoutTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "ReadoutMarkdownTests", dependencies: ["ReadoutMarkdown", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutSynthTests", dependencies: ["ReadoutSynth", "ReadoutData", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutRenderTests", dependencies: ["ReadoutRender", "ReadoutPlan", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutBuildTests", dependencies: ["ReadoutBuild", "ReadoutCLI", "ReadoutTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "ReadoutServeTests", dependencies: ["ReadoutServe", "ReadoutBuild", "ReadoutRender", "ReadoutTestSupport"]),
        .testTarget(name: "ReadoutCLITests", dependencies: ["ReadoutCLI", "readout", "ReadoutTestSupport"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (docs/fuzzing.md), only when READOUT_FUZZ=1: they have no main of their own and link
// only when built with `-Xswiftc -sanitize=fuzzer,address`, so an ordinary `swift build` must not see them.
if Context.environment["READOUT_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependency: Target.Dependency)] = [
        ("FuzzCSV", "ReadoutData"), ("FuzzXPT", "ReadoutData"),
        ("FuzzPlan", "ReadoutBuild"), ("FuzzFrontMatter", "ReadoutBuild"),
    ]
    package.targets.append(.target(name: "CFuzzDriver", path: "Tests/Fuzz/CFuzzDriver"))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: target.name, dependencies: [target.dependency, "CFuzzDriver"], path: "Tests/Fuzz/\(target.name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
