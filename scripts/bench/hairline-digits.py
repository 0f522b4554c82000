#!/usr/bin/env python3
"""Digits drawn with a hairline, as a paint program's pencil draws them: MNIST test digits
enlarged 8-24x, thinned to their one-pixel skeleton, on a white canvas up to 300 px larger
than the digit, anywhere on it. Each folder is labelled for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/hairline-digits.py MNIST_DIR OUT [COUNT=200] [SEED=3]

Folders: pencil (one-pixel aliased lines), white (the same, white on a black canvas), double
(two pixels wide), soft (one pixel, blurred as an anti-aliased brush leaves it: grey, never full
black) and dotted (dots of radius 2-6 px along the skeleton, 2.5-4 radii apart, as a canvas that
paints a dot per mouse event leaves a fast stroke). The same digits, canvases and places in
every folder; the dots draw from their own stream, so the other folders are the same with or
without them. Needs numpy, Pillow and scikit-image.
"""
import os

import numpy as np
from mnist_test_digits import arguments, enlarged_ink, labelled_folders, place_on_canvas
from PIL import Image, ImageDraw, ImageFilter
from skimage.morphology import skeletonize

out, count, seed, images, labels = arguments(200, 3)
rng = np.random.default_rng(seed)
dots = np.random.default_rng([seed, 1])


def dotted(line):
    """A dot of one radius at every skeleton pixel at least `spacing` from the dots before."""
    radius = dots.uniform(2, 6)
    spacing = dots.uniform(2.5, 4) * radius
    placed = []
    for x, y in zip(*np.nonzero(line.T)):
        if all((x - a) ** 2 + (y - b) ** 2 >= spacing ** 2 for a, b in placed[-60:]):
            placed.append((x, y))
    picture = Image.new("1", line.shape[::-1], 0)
    draw = ImageDraw.Draw(picture)
    for x, y in placed:
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=1)
    return np.array(picture)


styles = {
    "pencil": lambda line: line,
    "white": lambda line: line,
    "double": lambda line: line | np.roll(line, 1, axis=1),
    "soft": lambda line: line,
    "dotted": dotted,
}
csvs = labelled_folders(out, styles)
for number in range(count):
    index = int(rng.integers(len(images)))
    scale = int(rng.integers(8, 25))
    skeleton = skeletonize(enlarged_ink(images[index], scale))
    side, left, top = place_on_canvas(rng, scale, 300)
    file = f"{number:03d}.png"
    for name, style in styles.items():
        canvas = np.full((side, side), 255, np.uint8)
        canvas[top:top + 28 * scale, left:left + 28 * scale][style(skeleton)] = 0
        picture = Image.fromarray(canvas)
        if name == "soft":
            picture = picture.filter(ImageFilter.GaussianBlur(0.7))
        elif name == "white":
            picture = Image.fromarray(255 - canvas)
        picture.save(os.path.join(out, name, file))
        csvs[name].write(f"{file},{labels[index]}\n")
