#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver with `callback` as the target (LLVMFuzzerRunDriver from compiler-rt).
int readout_fuzz_driver(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));
