#!/usr/bin/env python3
"""Drawings in colour, as a paint app or a dark-mode canvas saves them: MNIST test digits
enlarged 10x to 280x280, one ink colour on one ground colour. Each folder is labelled for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/coloured-drawings.py MNIST_DIR OUT [COUNT=150] [SEED=4]

Folders: dark (yellow, green, cyan, red, orange, white or violet ink on a black, charcoal, navy,
purple or dark green ground) and light (red, blue, green, purple, black or orange ink on white,
cream, pale blue, pale yellow or light grey), blue (yellow, orange, white, cyan or light green ink
on a royal blue, mid blue or indigo ground, dark but far from black), and transparent: RGBA drawings whose strokes
(any of those inks) are painted on a transparent ground, as canvas apps export them. Needs
numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments
from PIL import Image

out, count, seed, images, labels = arguments(150, 4)
rng = np.random.default_rng(seed)
palettes = {
    "dark": ([(20, 25, 40), (40, 40, 45), (10, 10, 10), (30, 20, 60), (15, 50, 30)],
             [(255, 230, 0), (0, 255, 120), (0, 220, 255), (255, 80, 80), (255, 140, 0), (255, 255, 255), (200, 120, 255)]),
    "light": ([(255, 255, 255), (240, 235, 220), (220, 235, 255), (255, 250, 200), (235, 235, 235)],
              [(220, 20, 20), (20, 20, 200), (0, 150, 0), (120, 0, 160), (0, 0, 0), (255, 120, 0)]),
}


def write_folder(name, paint):
    """`count` MNIST test digits enlarged to 280x280, each drawn by `paint(coverage)`, labelled."""
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "labels.csv"), "w") as csv:
        for number in range(count):
            index = int(rng.integers(len(images)))
            coverage = Image.fromarray(images[index]).resize((280, 280), Image.BICUBIC)
            file = f"{number:03d}.png"
            paint(coverage).save(os.path.join(folder, file))
            csv.write(f"{file},{labels[index]}\n")


def on_ground(grounds, inks):
    """One ink from `inks` on one ground from `grounds`, both chosen at random."""
    def paint(coverage):
        ground = grounds[int(rng.integers(len(grounds)))]
        ink = inks[int(rng.integers(len(inks)))]
        drawing = Image.new("RGB", (280, 280), ground)
        drawing.paste(Image.new("RGB", (280, 280), ink), (0, 0), coverage)
        return drawing
    return paint


def on_transparency(inks):
    """One ink from `inks`, its coverage the alpha channel, on nothing."""
    def paint(coverage):
        drawing = Image.new("RGBA", (280, 280), inks[int(rng.integers(len(inks)))] + (0,))
        drawing.putalpha(coverage)
        return drawing
    return paint


for name, (grounds, inks) in palettes.items():
    write_folder(name, on_ground(grounds, inks))
write_folder("transparent", on_transparency(palettes["dark"][1] + palettes["light"][1]))
# Drawn last, so that the folders above keep the pictures they had before it.
write_folder("blue", on_ground([(20, 40, 120), (30, 60, 150), (60, 30, 110)],
                               [(255, 230, 40), (255, 140, 0), (255, 255, 255), (0, 220, 255), (120, 255, 120)]))
print(f"wrote 4 folders of {count} drawings to {out}")
