import CFuzzerDriver
import Foundation

// SwiftPM gives an executable target its own `main` (it links `main=PlannerFuzz_main`), so
// libFuzzer's main is never reached: hand the command line to libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzerTestOneInput))
