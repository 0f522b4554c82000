#!/usr/bin/env python3
"""Phone photos of a digit written on coloured paper: MNIST test digits enlarged 6-12x in black,
blue or red ink (or black marker) on paper that is not white, with lighting falling off across
the 800x600 frame, sensor noise, a slight blur and JPEG compression. Three folders, each
labelled for `digits predict --single DIR --labels DIR/labels.csv`:

- `sticky`: a square sticky note (yellow, pink, green, orange or pale blue), 40-75 % of the
  frame's height and turned up to 15 degrees, lying on a white, grey, wooden or dark desk;
- `notebook`: a notebook page filling the frame, pale blue rules every 30-45 px and a red margin
  line down the left third, the digit written across the rules;
- `kraft`: brown kraft paper or cardboard filling the frame.

    scripts/bench/coloured-paper.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import numpy as np
from mnist_test_digits import arguments, trimmed_ink, write_photos
from PIL import Image, ImageDraw, ImageFilter

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
width, height = 800, 600
rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
kinds = ["sticky", "notebook", "kraft"]
notes = [(250, 236, 120), (248, 180, 200), (190, 235, 160), (250, 190, 110), (170, 215, 245)]
desks = [(235, 235, 232), (150, 150, 150), (150, 105, 65), (45, 42, 40)]
inks = [(25, 25, 35), (40, 50, 150), (180, 30, 35), (15, 15, 15)]
krafts = [(190, 150, 105), (165, 125, 85), (205, 175, 135)]


def paper(kind):
    """The picture's ground and the digit's ink cover area: (RGB image, region the digit may lie in)."""
    if kind == "sticky":
        page = np.ones((height, width, 3), np.float32) * np.array(desks[int(rng.integers(len(desks)))], np.float32)
        side = rng.uniform(0.4, 0.75) * height
        cx, cy = rng.uniform(side * 0.6, width - side * 0.6), rng.uniform(side * 0.6, height - side * 0.6)
        angle = np.radians(rng.uniform(-15, 15))
        corners = [(cx + dx * np.cos(angle) - dy * np.sin(angle), cy + dx * np.sin(angle) + dy * np.cos(angle))
                   for dx, dy in [(-side / 2, -side / 2), (side / 2, -side / 2), (side / 2, side / 2), (-side / 2, side / 2)]]
        mask = Image.new("L", (width, height), 0)
        ImageDraw.Draw(mask).polygon(corners, fill=255)
        note = np.asarray(mask.filter(ImageFilter.GaussianBlur(1))).astype(np.float32)[..., None] / 255
        page = page * (1 - note) + np.array(notes[int(rng.integers(len(notes)))], np.float32) * note
        inner = side * 0.3
        return page, (cx - inner, cy - inner, cx + inner, cy + inner)
    if kind == "notebook":
        page = np.ones((height, width, 3), np.float32) * np.array([245, 245, 240], np.float32)
        gap, first = rng.uniform(30, 45), rng.uniform(10, 40)
        for y in np.arange(first, height, gap):
            page[int(y):int(y) + 2] = np.array([160, 190, 230], np.float32)
        margin = int(rng.uniform(0.15, 0.35) * width)
        page[:, margin:margin + 2] = np.array([220, 80, 90], np.float32)
        return page, (margin - 60, 120, width - 150, height - 120)
    page = np.ones((height, width, 3), np.float32) * np.array(krafts[int(rng.integers(len(krafts)))], np.float32)
    page += rng.normal(0, 6, (height, width, 1))
    return page, (200, 150, width - 200, height - 150)


def photo(digit, kind):
    page, (left, top, right, bottom) = paper(kind)
    ink = trimmed_ink(digit, rng.uniform(6, 12) if kind != "sticky" else rng.uniform(5, 8))
    h, w = ink.shape
    cx, cy = rng.uniform(left, max(left, right)), rng.uniform(top, max(top, bottom))
    x = int(np.clip(cx - w / 2, 0, width - w)); y = int(np.clip(cy - h / 2, 0, height - h))
    colour = np.array(inks[int(rng.integers(len(inks)))], np.float32)
    region = page[y:y + h, x:x + w]
    page[y:y + h, x:x + w] = region * (1 - ink[..., None]) + colour * ink[..., None]
    light = rng.uniform(0.8, 1.0) + rng.uniform(0, 0.2) * (columns / width)
    page = page * light[..., None] + rng.normal(0, 3, (height, width, 3))
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))


write_photos(out, kinds, count, rng, images, labels, photo)
