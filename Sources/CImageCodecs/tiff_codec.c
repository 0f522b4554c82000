#include "image_codecs.h"
#include "alpha_ground.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>

/* libtiff reads through callbacks, so the file is read from memory; its errors and warnings go to
   handlers given at open time, which keep the first error's text for the caller and print
   nothing. The RGBA interface decodes every photometric kind a scanner writes (bilevel fax,
   grey, palette, RGB, YCbCr, CMYK, 16-bit) into 8-bit RGBA, colour premultiplied by alpha; a
   multi-page file gives its first page. */

/* No single allocation above this: a hostile file cannot declare a strip of gigabytes. */
#define DIGITS_TIFF_MAX_ALLOCATION ((tmsize_t)256 << 20)

typedef struct {
    const unsigned char *data;
    size_t size;
    size_t at;
} memory_file;

static tmsize_t read_memory(thandle_t handle, void *buffer, tmsize_t wanted) {
    memory_file *file = (memory_file *)handle;
    if (wanted <= 0 || file->at >= file->size) return 0;
    size_t count = file->size - file->at < (size_t)wanted ? file->size - file->at : (size_t)wanted;
    memcpy(buffer, file->data + file->at, count);
    file->at += count;
    return (tmsize_t)count;
}

static tmsize_t write_nothing(thandle_t handle, void *buffer, tmsize_t count) {
    (void)handle; (void)buffer; (void)count;
    return 0;
}

static toff_t seek_memory(thandle_t handle, toff_t offset, int whence) {
    memory_file *file = (memory_file *)handle;
    unsigned long long base = whence == SEEK_CUR ? file->at : whence == SEEK_END ? file->size : 0;
    unsigned long long target = base + offset;
    if (target < base || target > file->size) return (toff_t)-1;
    file->at = (size_t)target;
    return (toff_t)target;
}

static int close_nothing(thandle_t handle) { (void)handle; return 0; }

static toff_t memory_size(thandle_t handle) { return (toff_t)((memory_file *)handle)->size; }

static int map_nothing(thandle_t handle, void **base, toff_t *size) {
    (void)handle; (void)base; (void)size;
    return 0;
}

static void unmap_nothing(thandle_t handle, void *base, toff_t size) { (void)handle; (void)base; (void)size; }

static int keep_first_error(TIFF *tiff, void *user, const char *module, const char *format, va_list arguments) {
    (void)tiff; (void)module;
    char *message = (char *)user;
    if (message[0] == '\0') vsnprintf(message, 200, format, arguments);
    return 1;
}

static int ignore_warning(TIFF *tiff, void *user, const char *module, const char *format, va_list arguments) {
    (void)tiff; (void)user; (void)module; (void)format; (void)arguments;
    return 1;
}

static int fail(digits_image_info *info, const char *text) {
    if (info->message[0] == '\0') snprintf(info->message, sizeof info->message, "%s", text);
    return DIGITS_CODEC_ERROR;
}

/* Moves the RGBA raster's samples, in place, to `channels` colour bytes per pixel followed by
   alpha when `alpha` is set: the layout digits_flatten reads (or the output itself, without alpha). */
static void pack(uint32_t *raster, size_t count, int channels, int alpha) {
    unsigned char *out = (unsigned char *)raster;
    for (size_t i = 0; i < count; i++) {
        uint32_t pixel = raster[i];
        unsigned char *at = out + i * (size_t)(channels + alpha);
        at[0] = (unsigned char)TIFFGetR(pixel);
        if (channels == 3) {
            at[1] = (unsigned char)TIFFGetG(pixel);
            at[2] = (unsigned char)TIFFGetB(pixel);
        }
        if (alpha) at[channels] = (unsigned char)TIFFGetA(pixel);
    }
}

int digits_tiff_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       unsigned char **pixels, digits_image_info *info) {
    *pixels = NULL;
    info->message[0] = '\0';
    memory_file file = {data, size, 0};
    TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
    if (options == NULL) return fail(info, "out of memory");
    TIFFOpenOptionsSetMaxSingleMemAlloc(options, DIGITS_TIFF_MAX_ALLOCATION);
    TIFFOpenOptionsSetErrorHandlerExtR(options, keep_first_error, info->message);
    TIFFOpenOptionsSetWarningHandlerExtR(options, ignore_warning, NULL);
    /* "m": no memory mapping, as there is no file to map. */
    TIFF *tiff = TIFFClientOpenExt("image", "rm", (thandle_t)&file, read_memory, write_nothing, seek_memory,
                                   close_nothing, memory_size, map_nothing, unmap_nothing, options);
    TIFFOpenOptionsFree(options);
    if (tiff == NULL) return fail(info, "not a readable TIFF file");
    uint32_t width = 0, height = 0;
    uint16_t photometric = PHOTOMETRIC_RGB, samples_per_pixel = 1, extra_count = 0;
    uint16_t *extra_kinds = NULL;
    if (!TIFFGetField(tiff, TIFFTAG_IMAGEWIDTH, &width) || !TIFFGetField(tiff, TIFFTAG_IMAGELENGTH, &height)) {
        TIFFClose(tiff);
        return fail(info, "the first page declares no size");
    }
    info->width = (int)(width > 0x7fffffffu ? 0x7fffffffu : width);
    info->height = (int)(height > 0x7fffffffu ? 0x7fffffffu : height);
    if ((unsigned long long)width * height > max_pixels) {
        TIFFClose(tiff);
        return DIGITS_CODEC_TOO_LARGE;
    }
    char reason[1024];
    if (!TIFFRGBAImageOK(tiff, reason)) {
        TIFFClose(tiff);
        snprintf(info->message, sizeof info->message, "%.199s", reason);
        return DIGITS_CODEC_UNSUPPORTED;
    }
    TIFFGetFieldDefaulted(tiff, TIFFTAG_PHOTOMETRIC, &photometric);
    TIFFGetFieldDefaulted(tiff, TIFFTAG_SAMPLESPERPIXEL, &samples_per_pixel);
    TIFFGetFieldDefaulted(tiff, TIFFTAG_EXTRASAMPLES, &extra_count, &extra_kinds);
    /* Grey and bilevel scans stay one channel; everything else becomes RGB. */
    int channels = (photometric == PHOTOMETRIC_MINISBLACK || photometric == PHOTOMETRIC_MINISWHITE)
        && samples_per_pixel - extra_count <= 1 ? 1 : 3;
    size_t count = (size_t)width * height;
    uint32_t *raster = malloc(count * sizeof(uint32_t));
    if (raster == NULL) {
        TIFFClose(tiff);
        return fail(info, "out of memory");
    }
    if (!TIFFReadRGBAImageOriented(tiff, width, height, raster, ORIENTATION_TOPLEFT, 1)) {
        TIFFClose(tiff);
        free(raster);
        return fail(info, "the image data is damaged or truncated");
    }
    TIFFClose(tiff);
    int alpha = 0;
    for (size_t i = 0; i < count && !alpha; i++) alpha = TIFFGetA(raster[i]) != 255;
    pack(raster, count, channels, alpha);
    unsigned char *buffer = alpha ? malloc(count * (size_t)channels) : (unsigned char *)raster;
    if (buffer == NULL) {
        free(raster);
        return fail(info, "out of memory");
    }
    if (alpha) {
        digits_samples source = {raster, 0, 1, channels, 1};
        digits_flatten(&source, count, buffer);
        free(raster);
    }
    info->channels = channels;
    info->scaled_width = (int)width;
    info->scaled_height = (int)height;
    *pixels = buffer;
    return DIGITS_CODEC_OK;
}
