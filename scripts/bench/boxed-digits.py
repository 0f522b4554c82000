#!/usr/bin/env python3
"""Digits written in the printed boxes of a form, as a scanner sees them: MNIST test digits
enlarged 4-8x, dark ink inside a thin printed rectangle (1-3 px, black to mid grey), slightly
blurred, with sensor noise. Each variant is written as a labelled folder that
`digits predict --single DIR --labels DIR/labels.csv` scores.

    scripts/bench/boxed-digits.py MNIST_DIR OUT [COUNT=200] [SEED=11]

Folders: box (4-24 px of paper between the digit and its box), comb (the middle one of three
boxes that share their walls), touching (the digit touches or crosses its box), and code: a code
of 3-5 digits written one per box of a comb, which `digits predict DIR --labels DIR/labels.csv`
(without --single) scores. Needs numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments
from PIL import Image, ImageDraw, ImageFilter

out, count, seed, images, labels = arguments(200, 11)
rng = np.random.default_rng(seed)
chosen = rng.choice(len(images), count, replace=False)


def enlarged(digit, scale):
    rows, columns = np.nonzero(digit > 30)
    box = digit[rows.min():rows.max() + 1, columns.min():columns.max() + 1]
    return Image.fromarray(box).resize((box.shape[1] * scale, box.shape[0] * scale), Image.BICUBIC)


def scan(digit, variant):
    ink = enlarged(digit, int(rng.integers(4, 9)))
    # A negative gap makes the box smaller than the digit: the pen touches or crosses it.
    gap = -int(rng.integers(0, 6)) if variant == "touching" else int(rng.integers(4, 25))
    box_width, box_height = max(ink.width, ink.height) + 2 * gap + 10, ink.height + 2 * gap
    line = int(rng.integers(1, 4))
    cells = 3 if variant == "comb" else 1
    width, height = box_width * cells + 80, box_height + 80
    page = Image.new("L", (width, height), 245)
    draw = ImageDraw.Draw(page)
    grey = int(rng.integers(0, 120))
    for k in range(cells):
        left = 40 + k * box_width
        draw.rectangle([left, 40, left + box_width, 40 + box_height], outline=grey, width=line)
    cell = 1 if cells == 3 else 0
    x = 40 + cell * box_width + (box_width - ink.width) // 2 + int(rng.integers(-5, 6))
    y = 40 + (box_height - ink.height) // 2 + (int(rng.integers(-8, 9)) if variant == "touching" else 0)
    page.paste(Image.new("L", ink.size, int(rng.integers(10, 60))), (x, y), ink)
    noisy = np.asarray(page.filter(ImageFilter.GaussianBlur(0.7))).astype(np.float32) + rng.normal(0, 4, (height, width))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def code(indices):
    """A comb of len(indices) boxes with a digit in each."""
    scale = int(rng.integers(4, 7))
    cell = 28 * scale + int(rng.integers(10, 40))
    width, height = cell * len(indices) + 80, cell + 80
    page = Image.new("L", (width, height), 245)
    draw = ImageDraw.Draw(page)
    line, grey = int(rng.integers(1, 4)), int(rng.integers(0, 120))
    draw.rectangle([40, 40, 40 + cell * len(indices), 40 + cell], outline=grey, width=line)
    for k in range(1, len(indices)):
        draw.line([(40 + cell * k, 40), (40 + cell * k, 40 + cell)], fill=grey, width=line)
    for k, index in enumerate(indices):
        ink = enlarged(images[index], scale)
        x = 40 + cell * k + (cell - ink.width) // 2 + int(rng.integers(-4, 5))
        y = 40 + (cell - ink.height) // 2 + int(rng.integers(-4, 5))
        page.paste(Image.new("L", ink.size, int(rng.integers(10, 60))), (x, y), ink)
    noisy = np.asarray(page.filter(ImageFilter.GaussianBlur(0.7))).astype(np.float32) + rng.normal(0, 4, (height, width))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


for variant in ["box", "comb", "touching"]:
    folder = os.path.join(out, variant)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "labels.csv"), "w") as csv:
        for index in chosen:
            file = f"{index}.png"
            scan(images[index], variant).save(os.path.join(folder, file))
            csv.write(f"{file},{labels[index]}\n")
folder = os.path.join(out, "code")
os.makedirs(folder, exist_ok=True)
with open(os.path.join(folder, "labels.csv"), "w") as csv:
    for number in range(count // 2):
        indices = rng.choice(len(images), int(rng.integers(3, 6)), replace=False)
        file = f"code-{number:03d}.png"
        code(indices).save(os.path.join(folder, file))
        csv.write(f"{file},{''.join(str(labels[i]) for i in indices)}\n")
print(f"wrote {count} pictures in each of 3 folders and {count // 2} codes to {out}")
