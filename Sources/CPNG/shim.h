#ifndef DIGITS_CPNG_SHIM_H
#define DIGITS_CPNG_SHIM_H
#include <png.h>
#endif
