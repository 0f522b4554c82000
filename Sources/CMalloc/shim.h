#ifndef DIGITS_CMALLOC_SHIM_H
#define DIGITS_CMALLOC_SHIM_H

// glibc's mallopt and its parameters, which Swift's Glibc module does not include.
#if defined(__linux__)
#include <malloc.h>
#endif

#endif
