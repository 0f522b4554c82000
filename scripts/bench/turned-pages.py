#!/usr/bin/env python3
"""Phone photos of a digit on a page whose printed lines or folds cross the frame at an angle:
MNIST test digits enlarged 6-12x in black or blue ink, on paper filling an 800x600 frame, with
light falling off across it, sensor noise, a slight blur and JPEG compression. Three folders,
each labelled for `digits predict --single DIR --labels DIR/labels.csv`:

- `ruled`: a ruled page turned 2-15 degrees either way in the frame, pale blue or grey rules
  1-3 px wide, spaced 0.85-1.3 times the digit's height, the digit written across them;
- `squared`: squared paper turned the same way, squares a third to half the digit's height;
- `creased`: a sheet that was folded: 1-3 straight creases at any angle across the frame, each
  a thin dark line (15-35 % darker) with the page on one side of it a little in shade.

    scripts/bench/turned-pages.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import numpy as np
from mnist_test_digits import arguments, trimmed_ink, write_photos
from PIL import Image, ImageFilter

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
width, height = 800, 600
rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
inks = [(25, 25, 35), (40, 50, 150)]
rule_colours = [(160, 190, 230), (150, 150, 155)]


def lines_across(along, gap, half_width):
    """Cover 0…1 of parallel lines `gap` apart, `half_width` wide either side of their middle,
    where `along` is each pixel's distance across them."""
    distance = np.abs((along + rng.uniform(0, gap) + gap / 2) % gap - gap / 2)
    return np.clip(half_width + 0.5 - distance, 0, 1)


def printed_lines(page, digit_height, squared):
    """`page` with the rules (or the squares) of a page turned 2-15 degrees in the frame."""
    gap = digit_height * (rng.uniform(0.3, 0.55) if squared else rng.uniform(0.85, 1.3))
    angle = np.radians(rng.uniform(2, 15) * rng.choice([-1, 1]))
    half_width = rng.uniform(0.6, 1.5)
    cover = lines_across(rows * np.cos(angle) - columns * np.sin(angle), gap, half_width)
    if squared:
        cover = np.maximum(cover, lines_across(rows * np.sin(angle) + columns * np.cos(angle), gap, half_width))
    colour = np.array(rule_colours[int(rng.integers(len(rule_colours)))], np.float32)
    return page * (1 - cover[..., None]) + colour * cover[..., None]


def creases():
    """The light on a folded sheet: each crease a thin dark line, the page beyond it in shade."""
    light = np.ones((height, width), np.float32)
    for _ in range(int(rng.integers(1, 4))):
        angle = rng.uniform(0, np.pi)
        x, y = rng.uniform(200, 600), rng.uniform(150, 450)
        distance = (columns - x) * np.sin(angle) - (rows - y) * np.cos(angle)
        shade = rng.uniform(0.06, 0.15) * np.exp(-np.abs(distance) / rng.uniform(30, 120))
        light *= np.where(distance > 0, 1 - shade, 1)
        light *= 1 - rng.uniform(0.15, 0.35) * np.exp(-(distance / rng.uniform(0.8, 2)) ** 2)
    return light


def photo(digit, kind):
    page = np.ones((height, width, 3), np.float32) * np.array([245, 245, 240], np.float32)
    ink = trimmed_ink(digit, rng.uniform(6, 12))
    if kind != "creased":
        page = printed_lines(page, ink.shape[0], kind == "squared")
    h, w = ink.shape
    x = int(np.clip(rng.uniform(250, 550) - w / 2, 0, width - w))
    y = int(np.clip(rng.uniform(200, 400) - h / 2, 0, height - h))
    colour = np.array(inks[int(rng.integers(len(inks)))], np.float32)
    page[y:y + h, x:x + w] = page[y:y + h, x:x + w] * (1 - ink[..., None]) + colour * ink[..., None]
    light = rng.uniform(0.8, 1.0) + rng.uniform(0, 0.2) * (columns / width)
    if kind == "creased":
        light = light * creases()
    page = page * light[..., None] + rng.normal(0, 3, (height, width, 3))
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))


kinds = ["ruled", "squared", "creased"]
write_photos(out, kinds, count, rng, images, labels, photo)
