#!/usr/bin/env python3
"""Phone photos of a digit on a page that a shadow (the phone's, the hand's) mostly covers: MNIST
test digits enlarged 7-13x in dark ink on paper, with a soft-edged shadow over 50-85 % of the
800x600 frame, the page 30-60 % as bright inside it, lighting falling off across the page,
sensor noise, a slight blur and JPEG compression. Three folders, by where the digit lies:
`lit` (in the patch of light the shadow leaves), `shaded` (inside the shadow) and `across` (the
shadow's edge crosses the digit), each labelled for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/shaded-photos.py MNIST_DIR OUT [COUNT=100] [SEED=1]

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
places = ["lit", "shaded", "across"]


def shadow_mask():
    """A half-plane shadow whose straight edge leaves 15-50 % of the frame lit, as a soft 0-1
    mask (1 in shade), and the signed distance of every pixel from its edge (positive in shade)."""
    while True:
        angle = rng.uniform(0, 2 * np.pi)
        nx, ny = np.cos(angle), np.sin(angle)
        offset = rng.uniform(-500, 500)
        distance = (columns - width / 2) * nx + (rows - height / 2) * ny - offset
        if 0.5 <= (distance > 0).mean() <= 0.85:
            softness = rng.uniform(2, 30)
            return 1 / (1 + np.exp(-distance / softness)), distance


def photo(digit, place):
    shade, distance = shadow_mask()
    ink = trimmed_ink(digit, rng.uniform(7, 13))
    h, w = ink.shape
    # A spot for the digit's centre where it lies wholly lit, wholly shaded or across the edge.
    reach = np.hypot(w, h) / 2 + 35
    centre = distance[h // 2:height - h // 2, w // 2:width - w // 2]
    fits = {"lit": centre < -reach, "shaded": centre > reach, "across": np.abs(centre) < 0.15 * min(w, h)}[place]
    spots = np.argwhere(fits)
    if len(spots) == 0:
        return None
    cy, cx = spots[int(rng.integers(len(spots)))]
    page = np.ones((height, width, 3), np.float32) * np.array([236, 234, 226], np.float32)
    region = page[cy:cy + h, cx:cx + w]
    page[cy:cy + h, cx:cx + w] = region * (1 - ink[..., None]) + np.array([30, 30, 40], np.float32) * ink[..., None]
    darkness = rng.uniform(0.3, 0.6)
    light = rng.uniform(0.85, 1.0) + rng.uniform(0, 0.15) * (columns / width)
    page = page * ((1 - shade * (1 - darkness)) * light)[..., None] + rng.normal(0, 3, (height, width, 3))
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))


csv = labelled_folders(out, places)
for place in places:
    number = 0
    while number < count:
        index = int(rng.integers(len(images)))
        picture = photo(images[index], place)
        if picture is None:
            continue
        file = f"{place}-{number:03d}.jpg"
        picture.save(os.path.join(out, place, file), quality=85)
        csv[place].write(f"{file},{labels[index]}\n")
        number += 1
print(f"wrote {count} photos to each of {', '.join(places)} in {out}")
