// SwiftPM links an executable target's entry point as <Target>_main; each fuzz target defines that
// entry and hands its callback to libFuzzer's driver here.
#include "CFuzzDriver.h"

extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int readout_fuzz_driver(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
