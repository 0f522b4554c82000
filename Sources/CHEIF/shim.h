#ifndef DIGITS_CHEIF_SHIM_H
#define DIGITS_CHEIF_SHIM_H
#include <libheif/heif.h>
#endif
