// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "DiploGraph",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "DiploGraph", targets: ["DiploGraph"]),
    .library(name: "DiploRender", targets: ["DiploRender"]),
    .library(name: "DiploPresentation", targets: ["DiploPresentation"]),
    .executable(name: "diplograph", targets: ["diplograph"]),
    .executable(name: "diplograph-bench", targets: ["diplograph-bench"]),
    // The helper in which DiploRender runs layouts under a time limit: a program that renders
    // depends on it, so that it is built beside the program (see LayoutIsolation).
    .executable(name: "diplograph-layout", targets: ["diplograph-layout"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
  ],
  targets: [
    // The C door: libgvc through pkg-config, nothing copied.
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    // zlib through pkg-config, for .gz and .zip inputs: nothing copied.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // The C library's allocator settings (glibc's mallopt), for the command line.
    .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
    // File-system calls Swift's Glibc module does not show (Linux's sync_file_range).
    .systemLibrary(name: "CFileSystem", path: "Sources/CFileSystem"),
    // Core: model, formats, validation, analytics. No Graphviz; C only for zlib (Decompression).
    .target(
      name: "DiploGraph",
      dependencies: ["CZlib", "CFileSystem"],
      exclude: ["Reference/Data", "Reference/generate_reference.py"]),
    // DOT writer, in-process Graphviz rendering, SVG embedding.
    .target(name: "DiploRender", dependencies: ["DiploGraph", "CGraphviz"]),
    // Serves one layout request for a LayoutIsolation of any program that depends on it.
    .executableTarget(name: "diplograph-layout", dependencies: ["DiploRender"]),
    // What people read: tables and their writers, wording, the stats JSON, our own SVG charts,
    // the HTML and Markdown reports. No C, no Graphviz: diagrams come in as SVG text.
    .target(name: "DiploPresentation", dependencies: ["DiploGraph"]),
    .executableTarget(
      name: "diplograph",
      dependencies: [
        "DiploGraph", "DiploRender", "DiploPresentation", "diplograph-layout", "CMalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Examples: small programs that use the library as a user would; run by the tests.
    .executableTarget(
      name: "ReciprocityStatistics", dependencies: ["DiploGraph", "DiploPresentation"],
      path: "Examples/ReciprocityStatistics", exclude: ["README.md"]),
    .executableTarget(
      name: "CustomStyleDiagram", dependencies: ["DiploGraph", "DiploRender", "diplograph-layout"],
      path: "Examples/CustomStyleDiagram", exclude: ["README.md"]),
    .executableTarget(
      name: "EmbedDiagrams", dependencies: ["DiploGraph", "DiploRender", "DiploPresentation"],
      path: "Examples/EmbedDiagrams", exclude: ["README.md"]),
    // The performance benchmark (BENCHMARKS.md); its data generator is shared with the tests.
    .executableTarget(
      name: "diplograph-bench",
      dependencies: ["DiploGraph", "DiploRender", "DiploPresentation", "TestSupport"]),
    .target(name: "TestSupport", dependencies: ["DiploGraph"], path: "Tests/TestSupport"),
    .testTarget(
      name: "DiploGraphTests",
      dependencies: [
        "DiploGraph", "DiploPresentation", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "DiploRenderTests", dependencies: ["DiploRender", "TestSupport"]),
    .testTarget(
      name: "DiploPresentationTests", dependencies: ["DiploPresentation", "TestSupport"]),
    .testTarget(
      name: "diplographTests", dependencies: ["DiploGraph", "TestSupport", "FuzzTargets"]),
    // Fuzzing (`make fuzz`): the checks, and one libFuzzer entry point per target; built
    // normally, each executable replays the files it is given through the same checks.
    .target(
      name: "FuzzTargets", dependencies: ["DiploGraph", "DiploRender", "DiploPresentation"],
      path: "Tests/Fuzz/FuzzTargets"),
    .executableTarget(name: "FuzzJSON", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/FuzzJSON"),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/FuzzCSV"),
    .executableTarget(
      name: "FuzzRender", dependencies: ["FuzzTargets"],
      path: "Tests/Fuzz/FuzzRender"),
    .executableTarget(
      name: "FuzzStyle", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/FuzzStyle"),
    .executableTarget(
      name: "FuzzEvents", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/FuzzEvents"),
  ]
)
