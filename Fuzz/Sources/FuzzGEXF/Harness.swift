import Entente

/// libFuzzer's entry point: one input, read as a GEXF graph file. Any thrown GraphError is a
/// correct answer; a crash, a sanitizer report, a leak or a run over the time limit is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    _ = try? GEXFReader.read(bytes, file: "fuzz.gexf")
    return 0
}

/// libFuzzer's driver, called with the harness (libclang_rt.fuzzer exports it).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The program's entry point: SwiftPM links an executable's `main` to `<module>_main`, so libFuzzer's
/// own `main` is not used; this one hands the command line to libFuzzer's driver.
@_cdecl("FuzzGEXF_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
