#!/usr/bin/env python3
"""Scanned A4 pages with one handwritten digit: MNIST test digits 5-10 mm tall in dark ink on a
page scanned at 150-300 dpi, with what a scanner adds beside them, one folder per kind:

    punched   two punch holes (6 mm, 80 mm apart, 12 mm from the left edge) that a dark lid or
              feeder shows through as grey discs, heavier than a thin digit
    lid-edge  a dark strip of lid along one edge, where the page lay skewed
    stapled   a staple in the top left corner

plus paper noise, a slight blur and JPEG compression. Each folder is labelled for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/scanned-pages.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments, labelled_folders, trimmed_ink
from PIL import Image, ImageDraw, ImageFilter

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
kinds = ["punched", "lid-edge", "stapled"]
csvs = labelled_folders(out, kinds)


def page_with_digit(index, dpi):
    """(page as float32 grey, pixels per mm): an A4 page with the digit somewhere on its middle."""
    mm = dpi / 25.4
    width, height = int(210 * mm), int(297 * mm)
    page = np.full((height, width), 245, np.float32) + rng.normal(0, 2, (height, width)).astype(np.float32)
    ink = trimmed_ink(images[index], height=rng.uniform(5, 10) * mm)
    x = int(rng.uniform(40 * mm, width - 40 * mm - ink.shape[1]))
    y = int(rng.uniform(60 * mm, height - 60 * mm - ink.shape[0]))
    region = page[y:y + ink.shape[0], x:x + ink.shape[1]]
    page[y:y + ink.shape[0], x:x + ink.shape[1]] = region * (1 - ink) + rng.uniform(20, 70) * ink
    return page, mm


for number in range(count):
    index = int(rng.integers(len(labels)))
    dpi = int(rng.choice([150, 200, 300]))
    file = f"{number:03d}.jpg"
    for kind in kinds:
        page, mm = page_with_digit(index, dpi)
        picture = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8))
        draw = ImageDraw.Draw(picture)
        height, width = page.shape
        if kind == "punched":
            radius, grey = 3 * mm, int(rng.uniform(30, 110))
            for cy in (height / 2 - 40 * mm, height / 2 + 40 * mm):
                draw.ellipse([12 * mm - radius, cy - radius, 12 * mm + radius, cy + radius], fill=grey)
        elif kind == "lid-edge":
            near, far = rng.uniform(1, 4) * mm, rng.uniform(3, 8) * mm
            draw.polygon([(width - near, 0), (width, 0), (width, height), (width - far, height)], fill=int(rng.uniform(20, 80)))
        else:
            draw.line([(8 * mm, 14 * mm), (20 * mm, 6 * mm)], fill=int(rng.uniform(60, 120)), width=max(2, int(0.7 * mm)))
        picture = picture.filter(ImageFilter.GaussianBlur(0.6))
        picture.save(os.path.join(out, kind, file), quality=85)
        csvs[kind].write(f"{file},{labels[index]}\n")
