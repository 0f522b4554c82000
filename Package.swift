// swift-tools-version:6.1
import PackageDescription

// MARK: - C libraries

let cTargets: [Target] = [
    // OpenBLAS (BLAS + LAPACK) on Linux; Apple platforms use Accelerate through the same module.
    .systemLibrary(
        name: "CBLAS",
        pkgConfig: "openblas",
        providers: [.apt(["libopenblas-dev"])]
    ),
    // zlib for gzip-compressed IDX files.
    .systemLibrary(
        name: "CZlib",
        pkgConfig: "zlib",
        providers: [.apt(["zlib1g-dev"])]
    ),
    // libpng (simplified png_image API) and libjpeg-turbo for decoding photos and drawings.
    .systemLibrary(
        name: "CPNG",
        pkgConfig: "libpng",
        providers: [.apt(["libpng-dev"])]
    ),
    .systemLibrary(
        name: "CJPEG",
        pkgConfig: "libjpeg",
        providers: [.apt(["libjpeg-dev"])]
    ),
    // libwebp, libtiff and libheif for what browsers save, scanners write and phones shoot (HEIC).
    .systemLibrary(
        name: "CWebP",
        pkgConfig: "libwebp",
        providers: [.apt(["libwebp-dev"])]
    ),
    .systemLibrary(
        name: "CTIFF",
        pkgConfig: "libtiff-4",
        providers: [.apt(["libtiff-dev"])]
    ),
    .systemLibrary(
        name: "CHEIF",
        pkgConfig: "libheif",
        providers: [.apt(["libheif-dev"])]
    ),
    // glibc's mallopt (the heap tuning of the `digits` process), which the Glibc module lacks.
    .systemLibrary(name: "CMalloc"),
    // C shims over the codecs: libjpeg reports errors by longjmp, which Swift cannot catch, and
    // libtiff reads through callbacks, so that code lives here and Swift sees plain status codes.
    .target(
        name: "CImageCodecs",
        dependencies: ["CPNG", "CJPEG", "CWebP", "CTIFF", "CHEIF"]
    ),
    // Matrix products in bfloat16 with float32 accumulation (AVX512-BF16), for training in
    // `precision=bfloat16`. The AVX-512 code is selected by function attributes and a runtime
    // check, so the package still builds and runs on any x86-64 and on arm64.
    .target(name: "CBFloat16"),
]

// MARK: - Swift targets

#if arch(x86_64)
// AVX2 and FMA (every x86-64 processor since 2013): the SIMD loops that BLAS does not cover
// get 8-wide fused multiply-adds instead of the 2005 baseline's SSE2.
let kitSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let kitSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "Digits",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "DigitsKit", targets: ["DigitsKit"]),
        .executable(name: "digits", targets: ["digits"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Without the default ConfigurationSupport trait: swift-configuration is not needed and
        // would only lengthen the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // SQLite for the web app's state (feedback samples, model registry); on Linux GRDB links
        // the system SQLite (libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Already in the graph through Hummingbird; named so the training-job queue can be a Service.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: cTargets + [
        .target(
            name: "DigitsKit",
            dependencies: ["CBLAS", "CBFloat16", "CZlib", "CImageCodecs"],
            swiftSettings: kitSettings
        ),
        // The web app (`digits serve`): thin HTTP layer over DigitsKit, its pages as resources.
        .target(
            name: "DigitsServer",
            dependencies: [
                "DigitsKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Public"), .copy("Templates")]
        ),
        // The command-line tool lives in a library so tests can parse and run commands in-process.
        .target(
            name: "DigitsCLI",
            dependencies: [
                "DigitsKit",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                "DigitsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "digits",
            dependencies: ["DigitsCLI"]
        ),
        .testTarget(
            name: "DigitsKitTests",
            dependencies: ["DigitsKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DigitsServerTests",
            dependencies: [
                "DigitsServer",
                "DigitsKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DigitsCLITests",
            dependencies: ["DigitsCLI", "DigitsKit"]
        ),
    ]
)
