#include "image_codecs.h"
#include "alpha_ground.h"
#include <stdio.h>
#include <stdlib.h>
#include <webp/decode.h>

/* libwebp returns status codes and never jumps, so the decoder is a plain sequence of checks. */

static const char *status_text(VP8StatusCode status) {
    switch (status) {
    case VP8_STATUS_NOT_ENOUGH_DATA: return "the file is truncated";
    case VP8_STATUS_UNSUPPORTED_FEATURE: return "a feature libwebp does not decode";
    case VP8_STATUS_OUT_OF_MEMORY: return "out of memory";
    default: return "the bitstream is damaged";
    }
}

int digits_webp_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       unsigned char **pixels, digits_image_info *info) {
    *pixels = NULL;
    info->message[0] = '\0';
    WebPBitstreamFeatures features;
    VP8StatusCode status = WebPGetFeatures(data, size, &features);
    if (status != VP8_STATUS_OK) {
        snprintf(info->message, sizeof info->message, "%s", status_text(status));
        return DIGITS_CODEC_ERROR;
    }
    info->width = features.width;
    info->height = features.height;
    if ((unsigned long long)features.width * (unsigned long long)features.height > max_pixels) return DIGITS_CODEC_TOO_LARGE;
    if (features.has_animation) {
        snprintf(info->message, sizeof info->message, "an animation; save one frame as a still image");
        return DIGITS_CODEC_UNSUPPORTED;
    }
    info->channels = 3;
    info->scaled_width = features.width;
    info->scaled_height = features.height;
    size_t count = (size_t)features.width * (size_t)features.height;
    int alpha = features.has_alpha != 0;
    unsigned char *buffer, *decoded;
    if (!digits_rgb_buffers(count, alpha, &buffer, &decoded)) {
        snprintf(info->message, sizeof info->message, "out of memory");
        return DIGITS_CODEC_ERROR;
    }
    int stride = features.width * (alpha ? 4 : 3);
    uint8_t *done = alpha ? WebPDecodeRGBAInto(data, size, decoded, count * 4, stride)
                          : WebPDecodeRGBInto(data, size, decoded, count * 3, stride);
    if (done == NULL) {
        digits_free_rgb_buffers(buffer, decoded);
        snprintf(info->message, sizeof info->message, "the image data is damaged or truncated");
        return DIGITS_CODEC_ERROR;
    }
    if (alpha) {
        /* libwebp hands over straight (unpremultiplied) RGBA. */
        digits_samples source = {decoded, 0, 0, 3, 1};
        digits_flatten(&source, count, buffer);
        free(decoded);
    }
    *pixels = buffer;
    return DIGITS_CODEC_OK;
}
