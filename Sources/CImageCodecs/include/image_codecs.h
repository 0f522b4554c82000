#ifndef DIGITS_IMAGE_CODECS_H
#define DIGITS_IMAGE_CODECS_H
#include <stddef.h>

/* Status codes of the decoders. */
enum {
    DIGITS_CODEC_OK = 0,
    DIGITS_CODEC_ERROR = 1,     /* corrupt, truncated or unsupported data: see message */
    DIGITS_CODEC_TOO_LARGE = 2,  /* the header declares more pixels than max_pixels */
    DIGITS_CODEC_UNSUPPORTED = 3 /* a valid file of a kind not decoded (an animation): see message */
};

typedef struct {
    int width;
    int height;
    int channels;       /* 1 (grey) or 3 (RGB) */
    int scaled_width;   /* the decoded pixels' size: width × height unless decoded reduced */
    int scaled_height;
    char message[200];  /* the codec's own error text when the status is DIGITS_CODEC_ERROR */
} digits_image_info;

/* Decode a PNG, JPEG, WebP, TIFF or HEIF held in memory into 8-bit grey or RGB rows (alpha composited
   on white, or on black when most of the picture is transparent and what is painted on it is light).
   The size is read from the header and checked against max_pixels before any pixel is decoded.
   On success *pixels is a malloc'd buffer of scaled_width*scaled_height*channels bytes: release
   it with digits_codec_free. A JPEG is decoded at 1/2, 1/4 or 1/8 of its size when its longest
   side stays at least min_longest_side (0: always full size); width and height stay the file's. */
int digits_png_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                      unsigned char **pixels, digits_image_info *info);
int digits_jpeg_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       int min_longest_side, unsigned char **pixels, digits_image_info *info);
/* A still WebP (lossy or lossless, with or without alpha); an animation is DIGITS_CODEC_UNSUPPORTED. */
int digits_webp_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       unsigned char **pixels, digits_image_info *info);
/* A TIFF's first page, of any kind libtiff's RGBA interface reads (bilevel, grey, palette, RGB,
   YCbCr, CMYK; 8- or 16-bit; compressed or not). */
int digits_tiff_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       unsigned char **pixels, digits_image_info *info);
/* A HEIF file's primary still image (HEIC from a phone, AVIF), its rotation and mirroring applied;
   a file libheif cannot decode (an image sequence only, a codec without a plugin) is
   DIGITS_CODEC_UNSUPPORTED. */
int digits_heif_decode(const unsigned char *data, size_t size, unsigned long long max_pixels,
                       unsigned char **pixels, digits_image_info *info);

/* Encode 8-bit grey (channels 1) or RGB (channels 3) rows as PNG, or as JPEG at quality 1–100,
   into a malloc'd buffer. */
int digits_png_encode(const unsigned char *pixels, int width, int height, int channels,
                      unsigned char **out, size_t *out_size, char message[200]);
int digits_jpeg_encode(const unsigned char *pixels, int width, int height, int channels, int quality,
                       unsigned char **out, size_t *out_size, char message[200]);

void digits_codec_free(void *pointer);

#endif
