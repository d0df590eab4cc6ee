#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, for a program that has its own main (SwiftPM links an executable
// target's main from the Swift module, so libFuzzer's own main is never used).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
