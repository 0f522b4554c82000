#!/usr/bin/env python3
"""Digits written in seven-segment style, the way some people write them: straight bars along
the sides and across the middle of a box, as a calculator shows them. MNIST has almost none. Each
folder is labelled for `digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/segment-digits.py OUT [COUNT=300] [SEED=9]

Folders, COUNT pictures each:
- bars: 280x280 white pictures, every bar a separate black line, 6-19 px wide, whose ends move
  by up to 5 px on their own, so corners overshoot or leave gaps; 70-120 px wide, 150-200 tall,
  slanted by up to 0.15.
- paths: the glyph drawn as connected pen paths with round joints and ends (a 2 in one stroke,
  an 8 as a box and its middle bar) on a 200-400 px square, anywhere from 45 to 75 % of its
  height, slanted by up to 0.2, corners moved by up to 6 % of the height; a third white on
  black, a third blurred. The 6 with or without its top bar, the 7 with or without a hook,
  the 9 with or without its bottom bar, the 4 open or closed.
- gapped: as a display shows them, 280x280 white pictures, every bar 6-15 px wide and shortened
  at both ends by 8-20 % of the glyph's width (or half height), leaving gaps at the corners.
Needs numpy and Pillow.
"""
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 9
rng = np.random.default_rng(seed)

# The bars of each digit: a top, b upper right, c lower right, d bottom, e lower left,
# f upper left, g middle; each from one corner of the unit box (x right, y down) to another.
BARS = {0: "abcdef", 1: "bc", 2: "abged", 3: "abgcd", 4: "fgbc", 5: "afgcd", 6: "afgedc", 7: "abc",
        8: "abcdefg", 9: "abcdfg"}
BAR_ENDS = {"a": ((0, 0), (1, 0)), "b": ((1, 0), (1, .5)), "c": ((1, .5), (1, 1)), "d": ((0, 1), (1, 1)),
            "e": ((0, .5), (0, 1)), "f": ((0, 0), (0, .5)), "g": ((0, .5), (1, .5))}
# The same glyphs as pen paths through named corners: A top left, B top right, M and N the
# middle's left and right, D bottom left, E bottom right.
CORNERS = {"A": (0, 0), "B": (1, 0), "M": (0, .5), "N": (1, .5), "D": (0, 1), "E": (1, 1)}
PATHS = {0: ["ABEDA"], 1: ["BE"], 2: ["ABNMDE"], 3: ["ABED", "MN"], 4: ["AMN", "BE"], 5: ["BAMNED"],
         6: ["ADENM"], 7: ["ABE"], 8: ["ABEDA", "MN"], 9: ["NMABED"]}
VARIANTS = {4: ["AMNE", "BN"], 6: ["BADENM"], 7: ["MABE"], 9: ["NMABE"]}


def bars(digit):
    picture = Image.new("L", (280, 280), 255)
    draw = ImageDraw.Draw(picture)
    width, height = rng.uniform(70, 120), rng.uniform(150, 200)
    left, top, slant = (280 - width) / 2, (280 - height) / 2, rng.uniform(-0.15, 0.15)

    def point(u, v):
        return (left + u * width + slant * (0.5 - v) * height + rng.uniform(-5, 5), top + v * height + rng.uniform(-5, 5))

    pen = int(rng.integers(6, 20))
    for bar in BARS[digit]:
        start, end = BAR_ENDS[bar]
        draw.line([point(*start), point(*end)], fill=0, width=pen)
    return picture


def paths(digit):
    side = int(rng.integers(200, 400))
    dark = rng.random() < 1 / 3
    ground = int(rng.integers(0, 40)) if dark else int(rng.integers(200, 256))
    ink = 255 - int(rng.integers(0, 40)) if dark else int(rng.integers(0, 80))
    picture = Image.new("L", (side, side), ground)
    draw = ImageDraw.Draw(picture)
    height = side * rng.uniform(0.45, 0.75)
    width = height * rng.uniform(0.45, 0.8)
    left = (side - width) / 2 + rng.uniform(-0.1, 0.1) * side
    top = (side - height) / 2 + rng.uniform(-0.1, 0.1) * side
    slant = rng.uniform(-0.2, 0.2)
    moved = {name: (rng.uniform(-.06, .06) * height, rng.uniform(-.06, .06) * height) for name in CORNERS}

    def point(name):
        u, v = CORNERS[name]
        return (left + u * width + slant * (0.5 - v) * height + moved[name][0], top + v * height + moved[name][1])

    strokes = VARIANTS[digit] if digit in VARIANTS and rng.random() < 0.35 else PATHS[digit]
    pen = int(max(2, rng.uniform(0.03, 0.1) * height))
    for stroke in strokes:
        points = [point(name) for name in stroke]
        draw.line(points, fill=ink, width=pen, joint="curve")
        for x, y in (points[0], points[-1]):
            draw.ellipse([x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2], fill=ink)
    if rng.random() < 1 / 3:
        picture = picture.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2)))
    return picture


def gapped(digit):
    picture = Image.new("L", (280, 280), 255)
    draw = ImageDraw.Draw(picture)
    width, height = rng.uniform(70, 120), rng.uniform(150, 200)
    left, top, slant = (280 - width) / 2, (280 - height) / 2, rng.uniform(-0.15, 0.15)
    gap = rng.uniform(0.08, 0.2) * min(width, height / 2)

    def point(u, v):
        return np.array([left + u * width + slant * (0.5 - v) * height, top + v * height])

    pen = int(rng.integers(6, 16))
    for bar in BARS[digit]:
        start, end = (point(*corner) for corner in BAR_ENDS[bar])
        inward = (end - start) * gap / np.hypot(*(end - start))
        draw.line([tuple(start + inward), tuple(end - inward)], fill=0, width=pen)
    return picture


for name, render in (("bars", bars), ("paths", paths), ("gapped", gapped)):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "labels.csv"), "w") as csv:
        for number in range(count):
            digit = int(rng.integers(10))
            file = f"{number:03d}.png"
            render(digit).save(os.path.join(folder, file))
            csv.write(f"{file},{digit}\n")
