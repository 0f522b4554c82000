#!/usr/bin/env python3
"""Where a 7 ends and a flagged 1 begins: MNIST test 1s enlarged 6-12x onto a white canvas,
each given a straight bar from the top of its stroke down to the left, with the digit's own pen,
30-45 % of its height long. Nearly level, the bar makes a 7 with a short top (as many people write
it); steep, it makes the flag of a European 1. Each folder is labelled for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/barred-ones.py MNIST_DIR OUT [COUNT=300] [SEED=3]

Folders, by the bar's angle below the horizontal (±5°): bar-0, bar-10 and bar-20 (labelled 7),
flag-45 and flag-60 (labelled 1). Between 25° and 40° people disagree, so there is no folder. The same
1s, canvases and places in every folder. Needs numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments, enlarged_ink, labelled_folders, place_on_canvas
from PIL import Image, ImageDraw, ImageFilter

out, count, seed, images, labels = arguments(300, 3)
rng = np.random.default_rng(seed)
ones = np.nonzero(labels == 1)[0]

# (angle below the horizontal in degrees, label)
bars = {"bar-0": (0, 7), "bar-10": (10, 7), "bar-20": (20, 7), "flag-45": (45, 1), "flag-60": (60, 1)}


def with_bar(ink, angle, length):
    """`ink` (a 1) with a bar `length` pixels long from the top of its stroke, `angle` degrees
    below the horizontal, to the left; the pen is the median ink per row (each row crosses
    the stroke once)."""
    rows = np.nonzero(ink.any(axis=1))[0]
    pen = max(2, int(np.median(ink[rows].sum(axis=1))))
    top = rows[0] + pen // 2
    x0 = float(np.nonzero(ink[top])[0].mean())
    theta = np.radians(angle)
    x1, y1 = x0 - length * np.cos(theta), top + length * np.sin(theta)
    picture = Image.fromarray(ink)
    draw = ImageDraw.Draw(picture)
    draw.line([(x0, top), (x1, y1)], fill=True, width=pen)
    for x, y in [(x0, top), (x1, y1)]:
        draw.ellipse([x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2], fill=True)
    return np.array(picture)


csvs = labelled_folders(out, bars)
for number in range(count):
    index = int(ones[rng.integers(len(ones))])
    scale = int(rng.integers(6, 13))
    ink = enlarged_ink(images[index], scale)
    height = np.ptp(np.nonzero(ink.any(axis=1))[0]) + 1
    length = height * rng.uniform(0.3, 0.45)
    tilt = rng.uniform(-5, 5)
    side, left, top = place_on_canvas(rng, scale, 200)
    file = f"{number:03d}.png"
    for name, (angle, label) in bars.items():
        canvas = np.full((side, side), 255, np.uint8)
        canvas[top:top + 28 * scale, left:left + 28 * scale][with_bar(ink, angle + tilt, length)] = 0
        Image.fromarray(canvas).filter(ImageFilter.GaussianBlur(0.6)).save(os.path.join(out, name, file))
        csvs[name].write(f"{file},{label}\n")
