#include "alpha_ground.h"
#include <stdlib.h>

/* Pixel i's coverage and its channel k premultiplied by it, both on 0...65535. */
static unsigned int coverage(const digits_samples *s, size_t i) {
    if (!s->alpha) return 65535u;
    size_t at = i * (size_t)(s->channels + 1) + (size_t)s->channels;
    return s->wide ? ((const unsigned short *)s->data)[at] : ((const unsigned char *)s->data)[at] * 257u;
}

static unsigned int premultiplied(const digits_samples *s, size_t i, int k) {
    size_t at = i * (size_t)(s->channels + s->alpha) + (size_t)k;
    unsigned int value = s->wide ? ((const unsigned short *)s->data)[at] : ((const unsigned char *)s->data)[at] * 257u;
    return s->premultiplied ? value : (unsigned int)((unsigned long long)value * coverage(s, i) / 65535u);
}

static unsigned int transparent_ground(const digits_samples *s, size_t count) {
    if (!s->alpha) return 65535u;
    size_t transparent = 0;
    double painted = 0, light = 0;
    for (size_t i = 0; i < count; i++) {
        unsigned int cover = coverage(s, i);
        if (cover < 32768u) transparent++;
        painted += cover;
        for (int k = 0; k < s->channels; k++) light += (double)premultiplied(s, i, k) / s->channels;
    }
    return 2 * transparent > count && light > 0.5 * painted ? 0u : 65535u;
}

void digits_flatten(const digits_samples *s, size_t count, unsigned char *out) {
    unsigned int ground = transparent_ground(s, count);
    for (size_t i = 0; i < count; i++) {
        unsigned int behind = (unsigned int)((unsigned long long)ground * (65535u - coverage(s, i)) / 65535u);
        for (int k = 0; k < s->channels; k++) {
            unsigned int value = premultiplied(s, i, k) + behind;
            out[i * (size_t)s->channels + (size_t)k] = (unsigned char)((value > 65535u ? 65535u : value) >> 8);
        }
    }
}

int digits_rgb_buffers(size_t count, int alpha, unsigned char **rgb, unsigned char **decoded) {
    *rgb = malloc(count * 3);
    *decoded = alpha ? malloc(count * 4) : *rgb;
    if (*rgb != NULL && *decoded != NULL) return 1;
    digits_free_rgb_buffers(*rgb, *decoded);
    *rgb = *decoded = NULL;
    return 0;
}

void digits_free_rgb_buffers(unsigned char *rgb, unsigned char *decoded) {
    if (decoded != rgb) free(decoded);
    free(rgb);
}
