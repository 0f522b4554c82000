#!/usr/bin/env python3
"""Phone and webcam photos taken in dim light: MNIST test digits enlarged 6-12x in dark ink on
paper in an 800x600 frame, the paper at 18-35 % of white and lit unevenly, with the sensor's
grain (luminance noise and, 0.7 as strong, colour noise in each channel), a slight blur and
JPEG compression. Three folders by the luminance grain's spread in grey levels, with the same
digits, pages and places in each, so that they differ only by the grain:

    light   2-5
    medium  5-9
    heavy   9-13

Each folder is labelled for `digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/dim-photos.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments, labelled_folders, trimmed_ink
from PIL import Image, ImageFilter

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
width, height = 800, 600
rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
grains = {"light": (2, 5), "medium": (5, 9), "heavy": (9, 13)}
csvs = labelled_folders(out, grains)


def dim_page(digit):
    """The page before the grain: a dim, unevenly lit sheet with the digit on it."""
    paper = rng.uniform(45, 90)
    page = np.ones((height, width, 3), np.float32) * np.array([paper, 0.97 * paper, 0.9 * paper], np.float32)
    ink = trimmed_ink(digit, rng.uniform(6, 12))
    h, w = ink.shape
    x, y = int(rng.uniform(60, width - 60 - w)), int(rng.uniform(60, height - 60 - h))
    region = page[y:y + h, x:x + w]
    page[y:y + h, x:x + w] = region * (1 - ink[..., None]) + 0.25 * paper * ink[..., None]
    light = 1 + rng.uniform(-0.3, 0.3) * (columns / width - 0.5) + rng.uniform(-0.3, 0.3) * (rows / height - 0.5)
    return page * light[..., None]


for number in range(count):
    index = int(rng.integers(len(labels)))
    page = dim_page(images[index])
    file = f"{number:03d}.jpg"
    for name, (low, high) in grains.items():
        spread = rng.uniform(low, high)
        grain = rng.normal(0, spread, (height, width, 1)) + rng.normal(0, 0.7 * spread, (height, width, 3))
        picture = Image.fromarray(np.clip(page + grain, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
        picture.save(os.path.join(out, name, file), quality=80)
        csvs[name].write(f"{file},{labels[index]}\n")
print(f"wrote {count} photos to each of {', '.join(grains)} in {out}")
