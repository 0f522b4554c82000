#include "image_codecs.h"
#include "alpha_ground.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>

/* The simplified png_image API catches libpng's longjmp internally and reports failure as a
   return value with a message, so no setjmp is needed here. */

static void copy_message(char *target, const char *source) {
    strncpy(target, source, 199);
    target[199] = '\0';
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
        /* The 16-bit samples come premultiplied, the 8-bit ones straight. */
        digits_samples source = {decoded, wide, wide, channels, alpha};
        digits_flatten(&source, count, buffer);
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
