#!/usr/bin/env python3
"""Phone photos of a digit on a page held in the hand: MNIST test digits enlarged 8-14x in dark
ink on paper, with a thumb (a soft-edged ellipse of skin, lit unevenly) reaching in from one
edge of the 600x800 frame, lighting falling off across the page, sensor noise, a slight blur and
JPEG compression. The folder is labelled for `digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/held-photos.py MNIST_DIR OUT [COUNT=150] [SEED=3]

Needs numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments, trimmed_ink
from PIL import Image, ImageDraw, ImageFilter

out, count, seed, images, labels = arguments(150, 3)
rng = np.random.default_rng(seed)
skins = [(225, 180, 150), (200, 150, 120), (160, 110, 80), (110, 75, 55), (240, 200, 175)]
width, height = 600, 800
rows, columns = np.mgrid[0:height, 0:width]


def photo(digit):
    page = np.ones((height, width, 3), np.float32) * np.array([238, 236, 230], np.float32)
    ink = trimmed_ink(digit, rng.uniform(8, 14))
    x = width // 2 - ink.shape[1] // 2 + int(rng.integers(-40, 41))
    y = height // 2 - ink.shape[0] // 2 + int(rng.integers(-60, 61))
    region = page[y:y + ink.shape[0], x:x + ink.shape[1]]
    cover = ink[:region.shape[0], :region.shape[1], None]
    page[y:y + region.shape[0], x:x + region.shape[1]] = region * (1 - cover) + np.array([25, 25, 35], np.float32) * cover
    # The thumb: an ellipse reaching in from the bottom, top, left or right edge.
    mask = Image.new("L", (width, height), 0)
    side, across, along = int(rng.integers(4)), rng.uniform(110, 170), rng.uniform(180, 300)
    if side == 0:
        cx, cy = rng.uniform(100, 500), height
        ellipse = [cx - across / 2, cy - along, cx + across / 2, cy + along / 2]
    elif side == 1:
        cx, cy = rng.uniform(100, 500), 0
        ellipse = [cx - across / 2, cy - along / 2, cx + across / 2, cy + along]
    elif side == 2:
        cx, cy = 0, rng.uniform(150, 650)
        ellipse = [cx - along / 2, cy - across / 2, cx + along, cy + across / 2]
    else:
        cx, cy = width, rng.uniform(150, 650)
        ellipse = [cx - along, cy - across / 2, cx + along / 2, cy + across / 2]
    ImageDraw.Draw(mask).ellipse(ellipse, fill=255)
    thumb = np.asarray(mask.filter(ImageFilter.GaussianBlur(4))).astype(np.float32)[..., None] / 255
    skin = np.array(skins[int(rng.integers(len(skins)))], np.float32)
    shade = 1 - 0.25 * np.clip(np.hypot(columns - cx, rows - cy) / along, 0, 1)
    page = page * (1 - thumb) + (skin * shade[..., None]) * thumb
    light = rng.uniform(0.8, 1.0) + (1 - rng.uniform(0.8, 1.0)) * (columns / width)
    page = page * light[..., None] + rng.normal(0, 3, (height, width, 3))
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))


os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "labels.csv"), "w") as csv:
    for number in range(count):
        index = int(rng.integers(len(images)))
        file = f"held-{number:03d}.jpg"
        photo(images[index]).save(os.path.join(out, file), quality=85)
        csv.write(f"{file},{labels[index]}\n")
print(f"wrote {count} photos to {out}")
