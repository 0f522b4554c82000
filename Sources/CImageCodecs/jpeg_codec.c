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
                       unsigned char **pixels, digits_image_info *info) {
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
    *pixels = buffer;
    return DIGITS_CODEC_OK;
}
