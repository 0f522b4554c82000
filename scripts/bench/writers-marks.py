#!/usr/bin/env python3
"""Marks a writer adds to a digit: MNIST test digits 60-160 px tall in dark ink on grey-white
paper, each with a stroke of the pen's width drawn as part of the answer, slightly blurred and
saved as JPEG. Three folders, each labelled for `digits predict --single DIR --labels
DIR/labels.csv`:

- `underlined`: a straight line under the digit, 6-20 % of its height below it, 1.1-1.6 times
  as long as the digit is wide (or as half its height, for a narrow 1), tilted up to 5°;
- `underlined-touching`: the same line drawn against the digit's foot;
- `circled`: a ring around the digit, 1-1.15 turns of a slightly wobbly ellipse, which may
  touch the digit.

    scripts/bench/writers-marks.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import numpy as np
from mnist_test_digits import arguments, ink_on_paper, trimmed_ink, wobbly_ring, write_photos
from PIL import Image, ImageDraw

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
kinds = ["underlined", "underlined-touching", "circled"]


def marked(image, kind):
    """The digit on paper with the kind's mark, as a greyscale picture."""
    height = int(rng.integers(60, 160))
    ink = trimmed_ink(image, height=height)
    pen = max(2, int(height / 10 * rng.uniform(0.6, 1.1)))
    width, frame = int(ink.shape[1] + 2 * height), int(2.4 * height)
    digit = Image.new("F", (width, frame), 0.0)
    left, top = (width - ink.shape[1]) // 2 + int(rng.integers(-height // 8, height // 8 + 1)), height // 2
    digit.paste(Image.fromarray(ink.astype(np.float32)), (left, top))
    mark = Image.new("L", (width, frame), 0)
    draw = ImageDraw.Draw(mark)
    middle = left + ink.shape[1] / 2
    if kind.startswith("underlined"):
        touching = kind.endswith("touching")
        gap = 0 if touching else rng.uniform(0.06, 0.2) * height
        length = max(ink.shape[1], 0.5 * height) * rng.uniform(1.1, 1.6)
        y = top + height + gap + pen / 2 - (pen if touching else 0)
        rise = rng.uniform(-0.08, 0.08) * length
        draw.line([(middle - length / 2, y - rise / 2), (middle + length / 2, y + rise / 2)], fill=255, width=pen)
    else:
        across, up = max(ink.shape[1], 0.6 * height) * rng.uniform(0.7, 0.95), height * rng.uniform(0.65, 0.8)
        draw.line(wobbly_ring(rng, middle, top + height / 2, across, up), fill=255, width=pen, joint="curve")
    return ink_on_paper(rng, np.maximum(np.asarray(digit), np.asarray(mark, np.float32) / 255))


write_photos(out, kinds, count, rng, images, labels, marked)
