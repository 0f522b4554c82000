#!/usr/bin/env python3
"""Handwriting styles MNIST has few of, drawn with a pen: a Z-shaped 3 and 2, a 2 with a loop, a
slashed, a dotted and a short-slashed 0, a 9 like a q or a g, a 6 like a b, a 7 with a hook, a
crossbar or a wavy top, a 1 with a flag, with a base or with both serifs, an open 4 and a 4 with a
hooked stem, an 8 of two rings, a 5 in one stroke. Every point, radius and arc end is jittered;
each picture gets its own height (120-260 px), width, slant and pen (5-12 % of the height), black
on white. One labelled folder per style, for `digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/style-digits.py OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import os
import sys

import numpy as np
from PIL import Image, ImageDraw

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 1)


def jitter(amount=0.03):
    return rng.uniform(-amount, amount)


def line(*points):
    """A polyline through the points of the unit square (x right, y down), each moved a little."""
    return [(x + jitter(), y + jitter()) for x, y in points]


def arc(cx, cy, rx, ry, start, end):
    """An elliptic arc from `start` to `end` degrees (0 right, 90 down), centre, radii and end jittered."""
    cx, cy = cx + jitter(0.02), cy + jitter(0.02)
    rx, ry = rx * rng.uniform(0.9, 1.1), ry * rng.uniform(0.9, 1.1)
    end += rng.uniform(-10, 10)
    angles = np.radians(np.linspace(start, end, max(8, int(abs(end - start) / 8)) + 1))
    return list(zip(cx + rx * np.cos(angles), cy + ry * np.sin(angles)))


# style: (digit, strokes); each call draws a fresh jittered shape.
STYLES = {
    "z3": (3, lambda: [line((0.2, 0.08), (0.8, 0.08), (0.42, 0.42)) + arc(0.48, 0.68, 0.32, 0.26, -80, 160)]),
    "z2": (2, lambda: [line((0.18, 0.1), (0.82, 0.1), (0.15, 0.92), (0.88, 0.92))]),
    "barred-z2": (2, lambda: [line((0.18, 0.1), (0.82, 0.1), (0.15, 0.92), (0.88, 0.92)), line((0.3, 0.5), (0.7, 0.5))]),
    "loop2": (2, lambda: [arc(0.5, 0.3, 0.3, 0.24, 200, 380) + line((0.25, 0.85)) + arc(0.3, 0.85, 0.09, 0.08, -90, 200)
                          + line((0.88, 0.92))]),
    "slashed0": (0, lambda: [arc(0.5, 0.5, 0.3, 0.44, -90, 275), line((0.85, 0.05), (0.15, 0.95))]),
    "short-slash0": (0, lambda: [arc(0.5, 0.5, 0.3, 0.44, -90, 275), line((0.68, 0.3), (0.32, 0.7))]),
    "dotted0": (0, lambda: [arc(0.5, 0.5, 0.3, 0.44, -90, 275), line((0.5, 0.5), (0.51, 0.51))]),
    "q9": (9, lambda: [arc(0.45, 0.3, 0.28, 0.24, 0, 360), line((0.73, 0.1), (0.73, 0.95))]),
    "g9": (9, lambda: [arc(0.5, 0.28, 0.28, 0.22, 0, 360), line((0.78, 0.28), (0.76, 0.8)) + arc(0.5, 0.8, 0.26, 0.15, 0, 150)]),
    "tail9": (9, lambda: [arc(0.5, 0.3, 0.3, 0.24, 0, 360), line((0.8, 0.3), (0.75, 0.75), (0.45, 0.95))]),
    "b6": (6, lambda: [line((0.3, 0.05), (0.28, 0.72)) + arc(0.5, 0.72, 0.24, 0.22, 180, 540)]),
    "small-loop6": (6, lambda: [line((0.75, 0.05), (0.45, 0.3), (0.3, 0.6), (0.3, 0.85)) + arc(0.45, 0.8, 0.15, 0.13, 180, 520)]),
    "hooked7": (7, lambda: [line((0.15, 0.25), (0.15, 0.08), (0.85, 0.08), (0.4, 0.95))]),
    "crossed7": (7, lambda: [line((0.15, 0.08), (0.85, 0.08), (0.4, 0.95)), line((0.35, 0.5), (0.8, 0.5))]),
    "wavy7": (7, lambda: [line((0.12, 0.15), (0.3, 0.05), (0.55, 0.12), (0.88, 0.06), (0.4, 0.95))]),
    "flagged1": (1, lambda: [line((0.22, 0.3), (0.55, 0.05), (0.55, 0.95))]),
    "based1": (1, lambda: [line((0.28, 0.25), (0.55, 0.05), (0.55, 0.95)), line((0.3, 0.95), (0.8, 0.95))]),
    "serifed1": (1, lambda: [line((0.5, 0.05), (0.5, 0.95)), line((0.3, 0.05), (0.7, 0.05)), line((0.25, 0.95), (0.75, 0.95))]),
    "open4": (4, lambda: [line((0.2, 0.05), (0.15, 0.6), (0.88, 0.6)), line((0.7, 0.05), (0.7, 0.97))]),
    "hooked4": (4, lambda: [line((0.55, 0.05), (0.12, 0.65), (0.9, 0.65)),
                            line((0.65, 0.35), (0.65, 0.85)) + arc(0.75, 0.85, 0.1, 0.1, 180, 60)]),
    "rings8": (8, lambda: [arc(0.5, 0.27, 0.22, 0.2, 90, 450), arc(0.5, 0.72, 0.3, 0.25, 270, 630)]),
    "one-stroke5": (5, lambda: [line((0.8, 0.07), (0.25, 0.07), (0.22, 0.45), (0.6, 0.42), (0.8, 0.6), (0.78, 0.82),
                                     (0.55, 0.94), (0.2, 0.88))]),
}


def picture(strokes):
    """The strokes on white paper with a margin of the digit's height on every side."""
    height = int(rng.integers(120, 260))
    width = height * rng.uniform(0.6, 0.85)
    slant = rng.uniform(-0.25, 0.25)
    pen = max(2, int(height * rng.uniform(0.05, 0.12)))
    image = Image.new("L", (int(width + 2 * height), 3 * height), 255)
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        points = [(height + (x + slant * (0.5 - y)) * width, height + y * height) for x, y in stroke]
        draw.line(points, fill=0, width=pen, joint="curve")
        for px, py in (points[0], points[-1]):  # round pen ends
            draw.ellipse((px - pen / 2, py - pen / 2, px + pen / 2, py + pen / 2), fill=0)
    return image


for name, (digit, strokes) in STYLES.items():
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "labels.csv"), "w") as labels:
        for n in range(count):
            file = f"{name}-{n:03d}.png"
            picture(strokes()).save(os.path.join(folder, file))
            labels.write(f"{file},{digit}\n")
