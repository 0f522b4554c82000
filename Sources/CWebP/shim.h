#ifndef DIGITS_CWEBP_SHIM_H
#define DIGITS_CWEBP_SHIM_H
#include <webp/decode.h>
#endif
