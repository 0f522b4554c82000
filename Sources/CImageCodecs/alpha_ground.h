#ifndef DIGITS_ALPHA_GROUND_H
#define DIGITS_ALPHA_GROUND_H
#include <stddef.h>

/* Decoded samples before they become 8-bit grey or RGB, as the codecs hand them over: `channels`
   colour samples per pixel, followed by an alpha sample when `alpha` is set; 8-bit or (`wide`)
   16-bit; colour either straight or already multiplied by alpha (`premultiplied`). */
typedef struct {
    const void *data;
    int wide;
    int premultiplied;
    int channels;
    int alpha;
} digits_samples;

/* Composites `count` pixels on their ground into 8-bit grey or RGB (`channels` bytes per pixel):
   on white, as on a page, except where most of the picture is transparent and what is painted on
   it is light — white strokes on a transparent canvas, which the app that drew them showed on a
   dark ground — where white would erase the drawing and black is used instead. */
void digits_flatten(const digits_samples *samples, size_t count, unsigned char *out);

/* The RGB output of `count` pixels and where a decoder writes them first: with `alpha`, a
   separate buffer of 8-bit RGBA for digits_flatten to read; without, the output itself. Returns
   0, with both NULL, when memory runs out; release with digits_free_rgb_buffers. */
int digits_rgb_buffers(size_t count, int alpha, unsigned char **rgb, unsigned char **decoded);
void digits_free_rgb_buffers(unsigned char *rgb, unsigned char *decoded);

#endif
