import Entente
import FuzzDriver
import EntenteGraphviz

/// libFuzzer's entry point: one input, read as a DOT graph file. Any thrown GraphError is a
/// correct answer; a crash, a sanitizer report, a leak or a run over the time limit is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzerInput(data, count)
    _ = try? DOTReader.read(bytes, file: "fuzz.dot")
    return 0
}

/// The program's entry point (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzDOT_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
