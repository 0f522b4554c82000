#ifndef DIGITS_CZLIB_SHIM_H
#define DIGITS_CZLIB_SHIM_H
#include <zlib.h>
#endif
