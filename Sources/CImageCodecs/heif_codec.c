#include "image_codecs.h"
#include "alpha_ground.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libheif/heif.h>

/* libheif reads the container (HEIC from a phone camera, AVIF, any HEIF still image) and hands the
   coded tiles to its HEVC or AV1 decoder plugin. The primary image is decoded with the file's
   rotation and mirroring applied (a phone stores an upright picture that way rather than in EXIF),
   high bit depths brought to 8 bits. Every call returns an error record, so the decoder is a plain
   sequence of checks that releases what it holds. */

/* Unsupported files (a sequence without a still image, a codec without a plugin) are valid files
   the user can convert; everything else is damage. */
static int status_of(struct heif_error error, digits_image_info *info) {
    snprintf(info->message, sizeof info->message, "%s", error.message != NULL ? error.message : "unknown libheif error");
    /* libheif ends some messages with a newline. */
    size_t length = strlen(info->message);
    while (length > 0 && (info->message[length - 1] == '\n' || info->message[length - 1] == ' ')) info->message[--length] = '\0';
    return error.code == heif_error_Unsupported_filetype || error.code == heif_error_Unsupported_feature
               ? DIGITS_CODEC_UNSUPPORTED : DIGITS_CODEC_ERROR;
}

/* Copies the decoded interleaved rows (RGB, or RGBA when `alpha`) into a malloc'd RGB buffer. */
static unsigned char *rgb_rows(const struct heif_image *image, int width, int height, int alpha,
                               int premultiplied, digits_image_info *info) {
    int stride = 0;
    const uint8_t *plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride);
    int bytes = alpha ? 4 : 3;
    if (plane == NULL || stride < width * bytes) {
        snprintf(info->message, sizeof info->message, "the decoder returned no pixels");
        return NULL;
    }
    size_t count = (size_t)width * (size_t)height;
    unsigned char *rgb, *packed;
    if (!digits_rgb_buffers(count, alpha, &rgb, &packed)) {
        snprintf(info->message, sizeof info->message, "out of memory");
        return NULL;
    }
    for (int y = 0; y < height; y++) {
        memcpy(packed + (size_t)y * width * bytes, plane + (size_t)y * stride, (size_t)width * bytes);
    }
    if (alpha) {
        digits_samples source = {packed, 0, premultiplied, 3, 1};
        digits_flatten(&source, count, rgb);
        free(packed);
    }
    return rgb;
}

int digits_heif_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       unsigned char **pixels, digits_image_info *info) {
    *pixels = NULL;
    info->message[0] = '\0';
    struct heif_context *context = heif_context_alloc();
    if (context == NULL) {
        snprintf(info->message, sizeof info->message, "out of memory");
        return DIGITS_CODEC_ERROR;
    }
    struct heif_image_handle *handle = NULL;
    struct heif_image *image = NULL;
    struct heif_decoding_options *options = NULL;
    int status = DIGITS_CODEC_ERROR;

    /* libheif refuses sides above 32768 pixels while reading the container, as damage; the limit
       here is the caller's pixel count, checked below with the declared size. */
    heif_context_set_maximum_image_size_limit(context, max_pixels < INT_MAX ? (int)max_pixels : INT_MAX);
    struct heif_error error = heif_context_read_from_memory_without_copy(context, data, size, NULL);
    if (error.code != heif_error_Ok) { status = status_of(error, info); goto done; }
    error = heif_context_get_primary_image_handle(context, &handle);
    if (error.code != heif_error_Ok) { status = status_of(error, info); goto done; }

    /* The displayed size (rotation applied), checked before any tile is decoded. */
    info->width = heif_image_handle_get_width(handle);
    info->height = heif_image_handle_get_height(handle);
    if (info->width <= 0 || info->height <= 0) {
        snprintf(info->message, sizeof info->message, "the file declares %d×%d pixels", info->width, info->height);
        goto done;
    }
    if ((unsigned long long)info->width * (unsigned long long)info->height > max_pixels) {
        status = DIGITS_CODEC_TOO_LARGE;
        goto done;
    }

    int alpha = heif_image_handle_has_alpha_channel(handle) != 0;
    options = heif_decoding_options_alloc();
    if (options == NULL) { snprintf(info->message, sizeof info->message, "out of memory"); goto done; }
    options->convert_hdr_to_8bit = 1;
    error = heif_decode_image(handle, &image, heif_colorspace_RGB,
                              alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, options);
    if (error.code != heif_error_Ok) { status = status_of(error, info); goto done; }

    /* The decoded size is the one that counts; it matches the declared one in a sound file. */
    int width = heif_image_get_width(image, heif_channel_interleaved);
    int height = heif_image_get_height(image, heif_channel_interleaved);
    if (width != info->width || height != info->height) {
        snprintf(info->message, sizeof info->message, "the file declares %d×%d pixels but holds %d×%d",
                 info->width, info->height, width, height);
        goto done;
    }
    *pixels = rgb_rows(image, width, height, alpha, heif_image_handle_is_premultiplied_alpha(handle) != 0, info);
    if (*pixels == NULL) goto done;
    info->channels = 3;
    info->scaled_width = width;
    info->scaled_height = height;
    status = DIGITS_CODEC_OK;

done:
    if (options != NULL) heif_decoding_options_free(options);
    if (image != NULL) heif_image_release(image);
    if (handle != NULL) heif_image_handle_release(handle);
    heif_context_free(context);
    return status;
}
