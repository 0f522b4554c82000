#ifndef DIGITS_CTIFF_SHIM_H
#define DIGITS_CTIFF_SHIM_H
#include <tiffio.h>
#endif
