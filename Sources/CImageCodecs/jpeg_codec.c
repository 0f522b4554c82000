#include "image_codecs.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

/* libjpeg reports fatal errors through error_exit, which must not return: we longjmp back to
   digits_jpeg_decode, which Swift could not do itself. Warnings (a truncated file, corrupt
   entropy data) make libjpeg invent the missing pixels; we turn them into errors too, since a
   half-grey photo would only be misread. */

/* A progressive file can hold thousands of tiny scans that take minutes to decode; no real
   camera or editor writes more than a few dozen. */
#define DIGITS_JPEG_MAX_SCANS 500

struct digits_jpeg_error {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    int warned;
    char message[200];
};

static void on_error(j_common_ptr info) {
    struct digits_jpeg_error *error = (struct digits_jpeg_error *)info->err;
    (*info->err->format_message)(info, error->message);
    longjmp(error->jump, 1);
}

static void on_message(j_common_ptr info, int level) {
    struct digits_jpeg_error *error = (struct digits_jpeg_error *)info->err;
    if (level < 0 && !error->warned) {
        error->warned = 1;
        (*info->err->format_message)(info, error->message);
    }
}

static void on_progress(j_common_ptr info) {
    if (info->is_decompressor && ((j_decompress_ptr)info)->input_scan_number > DIGITS_JPEG_MAX_SCANS) {
        struct digits_jpeg_error *error = (struct digits_jpeg_error *)info->err;
        snprintf(error->message, sizeof error->message, "more than %d progressive scans", DIGITS_JPEG_MAX_SCANS);
        longjmp(error->jump, 1);
    }
}

int digits_jpeg_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       int min_longest_side, unsigned char **pixels, digits_image_info *info) {
    struct jpeg_decompress_struct decoder;
    struct digits_jpeg_error error;
    struct jpeg_progress_mgr progress;
    unsigned char *volatile buffer = NULL;
    *pixels = NULL;
    info->message[0] = '\0';
    memset(&error, 0, sizeof error);
    decoder.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = on_error;
    error.manager.emit_message = on_message;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&decoder);
        free(buffer);
        memcpy(info->message, error.message, sizeof info->message);
        info->message[sizeof info->message - 1] = '\0';
        return DIGITS_CODEC_ERROR;
    }
    jpeg_create_decompress(&decoder);
    memset(&progress, 0, sizeof progress);
    progress.progress_monitor = on_progress;
    decoder.progress = &progress;
    jpeg_mem_src(&decoder, data, (unsigned long)size);
    jpeg_read_header(&decoder, TRUE);
    info->width = (int)decoder.image_width;
    info->height = (int)decoder.image_height;
    if ((unsigned long long)decoder.image_width * decoder.image_height > max_pixels) {
        jpeg_destroy_decompress(&decoder);
        return DIGITS_CODEC_TOO_LARGE;
    }
    decoder.out_color_space = decoder.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    /* The inverse DCT can produce 1/2, 1/4 or 1/8 of the size directly (libjpeg-turbo has SIMD
       code for these), which skips most of the work on a 12-megapixel photo that will be
       shrunk anyway: take the smallest that keeps the longest side at least min_longest_side. */
    if (min_longest_side > 0) {
        unsigned int longest = decoder.image_width > decoder.image_height ? decoder.image_width : decoder.image_height;
        unsigned int denominator = 1;
        while (denominator < 8 && longest / (denominator * 2) >= (unsigned int)min_longest_side) denominator *= 2;
        decoder.scale_num = 1;
        decoder.scale_denom = denominator;
        /* The picture will be shrunk further by area averaging, which hides what the faster
           integer DCT and plain chroma replication lose. */
        if (denominator > 1) {
            decoder.dct_method = JDCT_IFAST;
            decoder.do_fancy_upsampling = FALSE;
        }
    }
    jpeg_start_decompress(&decoder);
    int channels = decoder.output_components;
    size_t stride = (size_t)decoder.output_width * (size_t)channels;
    buffer = malloc(stride * decoder.output_height);
    if (buffer == NULL) {
        snprintf(error.message, sizeof error.message, "out of memory");
        longjmp(error.jump, 1);
    }
    while (decoder.output_scanline < decoder.output_height) {
        JSAMPROW row = buffer + (size_t)decoder.output_scanline * stride;
        if (jpeg_read_scanlines(&decoder, &row, 1) != 1) {
            snprintf(error.message, sizeof error.message, "the decoder stopped before the last row");
            longjmp(error.jump, 1);
        }
    }
    jpeg_finish_decompress(&decoder);
    if (error.warned) {
        longjmp(error.jump, 1);
    }
    jpeg_destroy_decompress(&decoder);
    info->channels = channels;
    info->scaled_width = (int)decoder.output_width;
    info->scaled_height = (int)decoder.output_height;
    *pixels = buffer;
    return DIGITS_CODEC_OK;
}

int digits_jpeg_encode(const unsigned char *pixels, int width, int height, int channels, int quality,
                       unsigned char **out, size_t *out_size, char message[200]) {
    struct jpeg_compress_struct encoder;
    struct digits_jpeg_error error;
    unsigned char *volatile buffer = NULL;
    unsigned long size = 0;
    *out = NULL;
    memset(&error, 0, sizeof error);
    encoder.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = on_error;
    if (setjmp(error.jump)) {
        jpeg_destroy_compress(&encoder);
        free(buffer);
        memcpy(message, error.message, 200);
        message[199] = '\0';
        return DIGITS_CODEC_ERROR;
    }
    jpeg_create_compress(&encoder);
    /* jpeg_mem_dest grows the buffer with malloc; the caller frees it with digits_codec_free. */
    unsigned char *destination = NULL;
    jpeg_mem_dest(&encoder, &destination, &size);
    encoder.image_width = (JDIMENSION)width;
    encoder.image_height = (JDIMENSION)height;
    encoder.input_components = channels;
    encoder.in_color_space = channels == 3 ? JCS_RGB : JCS_GRAYSCALE;
    jpeg_set_defaults(&encoder);
    jpeg_set_quality(&encoder, quality, TRUE);
    jpeg_start_compress(&encoder, TRUE);
    size_t stride = (size_t)width * (size_t)channels;
    while (encoder.next_scanline < encoder.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)encoder.next_scanline * stride);
        jpeg_write_scanlines(&encoder, &row, 1);
    }
    jpeg_finish_compress(&encoder);
    buffer = destination;
    jpeg_destroy_compress(&encoder);
    *out = buffer;
    *out_size = size;
    return DIGITS_CODEC_OK;
}
