#include "image_codecs.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>

/* The simplified png_image API catches libpng's longjmp internally and reports failure as a
   return value with a message, so no setjmp is needed here. */

static void copy_message(char *target, const char *source) {
    strncpy(target, source, 199);
    target[199] = '\0';
}

/* Decoded samples before they become 8-bit grey or RGB: 8-bit sRGB with straight alpha, or
   16-bit with premultiplied alpha (the simplified API's linear format, here holding the file's
   own sRGB values); alpha, when there is one, follows the colour samples. */
typedef struct {
    const void *data;
    int wide;
    int channels;
    int alpha;
} samples;

/* Pixel i's coverage and its channel k premultiplied by it, both on 0...65535. */
static unsigned int coverage(const samples *s, size_t i) {
    if (!s->alpha) return 65535u;
    size_t at = i * (size_t)(s->channels + 1) + (size_t)s->channels;
    return s->wide ? ((const png_uint_16 *)s->data)[at] : ((const png_byte *)s->data)[at] * 257u;
}

static unsigned int premultiplied(const samples *s, size_t i, int k) {
    size_t at = i * (size_t)(s->channels + s->alpha) + (size_t)k;
    if (s->wide) return ((const png_uint_16 *)s->data)[at];
    return ((const png_byte *)s->data)[at] * coverage(s, i) / 255u;
}

/* The ground behind transparent pixels: white, as on a page, except where most of the picture
   is transparent and what is painted is light — white strokes drawn on a transparent canvas,
   which the app that made them showed on a dark ground. White there would erase the drawing. */
static unsigned int transparent_ground(const samples *s, size_t count) {
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

/* Composites the samples on their ground into 8-bit grey or RGB. */
static void flatten(const samples *s, size_t count, unsigned char *out) {
    unsigned int ground = transparent_ground(s, count);
    for (size_t i = 0; i < count; i++) {
        unsigned int behind = (unsigned int)((unsigned long long)ground * (65535u - coverage(s, i)) / 65535u);
        for (int k = 0; k < s->channels; k++) {
            unsigned int value = premultiplied(s, i, k) + behind;
            out[i * (size_t)s->channels + (size_t)k] = (unsigned char)((value > 65535u ? 65535u : value) >> 8);
        }
    }
}

int digits_png_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                      unsigned char **pixels, digits_image_info *info) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    *pixels = NULL;
    info->message[0] = '\0';
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        copy_message(info->message, image.message);
        png_image_free(&image);
        return DIGITS_CODEC_ERROR;
    }
    info->width = (int)image.width;
    info->height = (int)image.height;
    if ((unsigned long long)image.width * image.height > max_pixels) {
        png_image_free(&image);
        return DIGITS_CODEC_TOO_LARGE;
    }
    /* Colour stays colour so that the grey conversion can treat coloured ink itself. */
    int colour = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
    int alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    /* For 16-bit files the simplified API assumes linear light and would gamma-encode the
       samples on the way to 8 bits, lightening every grey; almost all 16-bit scans are in
       fact sRGB-encoded, so read the 16-bit samples as they are and keep their high byte. */
    int wide = (image.format & PNG_FORMAT_FLAG_LINEAR) != 0;
    int channels = colour ? 3 : 1;
    info->channels = channels;
    info->scaled_width = info->width;
    info->scaled_height = info->height;
    image.format = (colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0)
        | (wide ? PNG_FORMAT_FLAG_LINEAR : 0);
    size_t count = (size_t)image.width * image.height;
    unsigned char *buffer = malloc(count * (size_t)channels);
    void *decoded = wide || alpha ? malloc(PNG_IMAGE_SIZE(image)) : buffer;
    if (buffer == NULL || decoded == NULL) {
        png_image_free(&image);
        if (decoded != buffer) free(decoded);
        free(buffer);
        copy_message(info->message, "out of memory");
        return DIGITS_CODEC_ERROR;
    }
    if (!png_image_finish_read(&image, NULL, decoded, 0, NULL)) {
        copy_message(info->message, image.message);
        png_image_free(&image);
        if (decoded != buffer) free(decoded);
        free(buffer);
        return DIGITS_CODEC_ERROR;
    }
    if (decoded != buffer) {
        samples source = {decoded, wide, channels, alpha};
        flatten(&source, count, buffer);
        free(decoded);
    }
    *pixels = buffer;
    return DIGITS_CODEC_OK;
}

int digits_png_encode(const unsigned char *pixels, int width, int height, int channels,
                      unsigned char **out, size_t *out_size, char message[200]) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    *out = NULL;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, NULL, &size, 0, pixels, 0, NULL)) {
        copy_message(message, image.message);
        return DIGITS_CODEC_ERROR;
    }
    unsigned char *buffer = malloc(size);
    if (buffer == NULL) {
        copy_message(message, "out of memory");
        return DIGITS_CODEC_ERROR;
    }
    if (!png_image_write_to_memory(&image, buffer, &size, 0, pixels, 0, NULL)) {
        copy_message(message, image.message);
        free(buffer);
        return DIGITS_CODEC_ERROR;
    }
    *out = buffer;
    *out_size = size;
    return DIGITS_CODEC_OK;
}

void digits_codec_free(void *pointer) {
    free(pointer);
}
