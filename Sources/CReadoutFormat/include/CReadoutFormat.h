#ifndef CREADOUTFORMAT_H
#define CREADOUTFORMAT_H

#include <stddef.h>

/// snprintf(buffer, size, "%.*f", digits, value): Swift cannot call a variadic C function, and its
/// withVaList boxes every argument and casts it at run time (a tenth of a millisecond per hundred numbers).
/// Returns what snprintf returns.
int readout_format_fixed(char *buffer, size_t size, int digits, double value);

#endif
