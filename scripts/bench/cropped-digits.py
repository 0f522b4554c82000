#!/usr/bin/env python3
"""Drawings and scans cropped close: MNIST test digits enlarged 12x (strokes of 25-40 px, as a
marker or a fat brush), each written as a labelled folder that `digits predict --single DIR
--labels DIR/labels.csv` scores.

    scripts/bench/cropped-digits.py MNIST_DIR OUT [COUNT=300] [SEED=7]

Folders: margin-20 (20 px of paper around the digit), margin-3, margin-0 (cropped to the ink's
box), white-on-black-20, white-on-black-3 and white-on-black-0 (the same, inverted: a drawing on
a black canvas that the digit fills), fat-white-on-black-8 and fat-white-on-black-0 (strokes
14 px fatter, a brush filling the canvas), fat-white-on-black-80 (the same brush on a canvas
with room around the digit), fat-0 (the same dark on light), thin-20 (strokes thinned by 14
px), soft-20 and soft-white-on-black-20 (margin-20 and white-on-black-20 drawn with a soft brush:
blurred by 6 % of the digit's height, the darkest ink stretched back to black). Needs numpy and
Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments
from PIL import Image, ImageFilter

out, count, seed, images, labels = arguments(300, 7)
chosen = np.random.default_rng(seed).choice(len(images), count, replace=False)


def drawing(digit, margin, inverted=False, thin=0, fat=0, soft=0):
    rows, columns = np.nonzero(digit > 30)
    box = digit[rows.min():rows.max() + 1, columns.min():columns.max() + 1]
    big = Image.fromarray(255 - box).resize((box.shape[1] * 12, box.shape[0] * 12), Image.BICUBIC)
    if thin:
        big = big.filter(ImageFilter.MaxFilter(thin))  # the paper grows into the dark strokes
    if fat:
        big = big.filter(ImageFilter.MinFilter(fat))  # the dark strokes grow into the paper
        rows, columns = np.nonzero(np.asarray(big) < 225)
        big = big.crop((columns.min(), rows.min(), columns.max() + 1, rows.max() + 1))
    page = Image.new("L", (big.width + 2 * margin, big.height + 2 * margin), 255)
    page.paste(big, (margin, margin))
    if soft:  # a soft brush: blurred by a share of the digit's height, its darkest ink kept black
        page = page.filter(ImageFilter.GaussianBlur(soft * big.height))
        darkest = min(page.getextrema()[0], 254)
        page = Image.eval(page, lambda v: 255 - (255 - v) * 255 // (255 - darkest))
    return Image.eval(page, lambda v: 255 - v) if inverted else page


variants = {
    "margin-20": dict(margin=20), "margin-3": dict(margin=3), "margin-0": dict(margin=0),
    "white-on-black-20": dict(margin=20, inverted=True), "white-on-black-3": dict(margin=3, inverted=True),
    "white-on-black-0": dict(margin=0, inverted=True), "fat-white-on-black-8": dict(margin=8, inverted=True, fat=15),
    "fat-white-on-black-0": dict(margin=0, inverted=True, fat=15),
    "fat-white-on-black-80": dict(margin=80, inverted=True, fat=15), "fat-0": dict(margin=0, fat=15),
    "thin-20": dict(margin=20, thin=15), "soft-20": dict(margin=20, soft=0.06),
    "soft-white-on-black-20": dict(margin=20, inverted=True, soft=0.06),
}
for name, settings in variants.items():
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "labels.csv"), "w") as csv:
        for index in chosen:
            file = f"{index}.png"
            drawing(images[index], **settings).convert("RGB").save(os.path.join(folder, file))
            csv.write(f"{file},{labels[index]}\n")
print(f"wrote {len(variants)} folders of {count} pictures to {out}")
