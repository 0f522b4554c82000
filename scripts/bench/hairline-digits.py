#!/usr/bin/env python3
"""Digits drawn with a hairline, as a paint program's pencil draws them: MNIST test digits
enlarged 8-24x, thinned to their one-pixel skeleton, on a white canvas up to 300 px larger
than the digit, anywhere on it. Each folder is labelled for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/hairline-digits.py MNIST_DIR OUT [COUNT=200] [SEED=3]

Folders: pencil (one-pixel aliased lines), double (two pixels wide) and soft (one pixel,
blurred as an anti-aliased brush leaves it: grey, never full black). The same digits, canvases
and places in every folder. Needs numpy, Pillow and scikit-image.
"""
import os

import numpy as np
from mnist_test_digits import arguments
from PIL import Image, ImageFilter
from skimage.morphology import skeletonize

out, count, seed, images, labels = arguments(200, 3)
rng = np.random.default_rng(seed)
styles = {
    "pencil": lambda line: line,
    "double": lambda line: line | np.roll(line, 1, axis=1),
    "soft": lambda line: line,
}
for name in styles:
    os.makedirs(os.path.join(out, name), exist_ok=True)
csvs = {name: open(os.path.join(out, name, "labels.csv"), "w") for name in styles}
for number in range(count):
    index = int(rng.integers(len(images)))
    scale = int(rng.integers(8, 25))
    enlarged = np.array(Image.fromarray(images[index]).resize((28 * scale, 28 * scale), Image.BICUBIC)) > 100
    skeleton = skeletonize(enlarged)
    side = 28 * scale + int(rng.integers(0, 301))
    left, top = (int(rng.integers(0, side - 28 * scale + 1)) for _ in range(2))
    file = f"{number:03d}.png"
    for name, style in styles.items():
        canvas = np.full((side, side), 255, np.uint8)
        canvas[top:top + 28 * scale, left:left + 28 * scale][style(skeleton)] = 0
        picture = Image.fromarray(canvas)
        if name == "soft":
            picture = picture.filter(ImageFilter.GaussianBlur(0.7))
        picture.save(os.path.join(out, name, file))
        csvs[name].write(f"{file},{labels[index]}\n")
