import Entente
import FuzzDriver

/// libFuzzer's entry point: one input, read as a GEXF graph file. Any thrown GraphError is a
/// correct answer; a crash, a sanitizer report, a leak or a run over the time limit is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzerInput(data, count)
    _ = try? GEXFReader.read(bytes, file: "fuzz.gexf")
    return 0
}

/// The program's entry point (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzGEXF_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
