#!/usr/bin/env python3
"""Digits drawn with pen lifts: MNIST test digits enlarged 6-12x onto a white canvas, as a
mouse or a finger draws them, with straight gaps cut across their strokes where a writer's
strokes failed to meet (a 4's two strokes, a 5's hat, a loop left open). Each folder is
labelled for `digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/broken-strokes.py MNIST_DIR OUT [COUNT=200] [SEED=5]

Folders: whole (no gap, the reference), narrow (one gap half a stroke wide), wide (one gap a
stroke and a half wide) and three (three gaps a stroke wide). A gap is a band across the stroke at a
random point of its skeleton, square to the stroke's direction there and no longer than the
stroke is wide, so it parts that stroke alone. The same digits, canvases and places in every
folder. Needs numpy, Pillow and scikit-image.
"""
import os

import numpy as np
from mnist_test_digits import arguments, enlarged_ink, labelled_folders, place_on_canvas
from PIL import Image, ImageFilter
from skimage.morphology import medial_axis

out, count, seed, images, labels = arguments(200, 5)
rng = np.random.default_rng(seed)
cuts = np.random.default_rng([seed, 1])

# (number of gaps, gap width in stroke widths)
gaps = {"whole": (0, 0), "narrow": (1, 0.5), "wide": (1, 1.5), "three": (3, 1.0)}


def cut(ink, skeleton, stroke, number, width):
    """`ink` with `number` gaps of `width` pixels cut across its strokes."""
    ys, xs = np.nonzero(skeleton)
    rows, columns = np.indices(ink.shape)
    kept = ink.copy()
    for _ in range(number):
        pick = int(cuts.integers(len(xs)))
        near = (xs - xs[pick]) ** 2 + (ys - ys[pick]) ** 2 <= (1.5 * stroke) ** 2
        # the stroke's direction: the principal axis of the skeleton pixels near the pick
        along = np.linalg.eigh(np.cov(np.stack([xs[near], ys[near]])) + 1e-6 * np.eye(2))[1][:, 1]
        dx, dy = columns - xs[pick], rows - ys[pick]
        inside = (dx ** 2 + dy ** 2 <= stroke ** 2) & (np.abs(dx * along[0] + dy * along[1]) <= width / 2)
        kept &= ~inside
    return kept


csvs = labelled_folders(out, gaps)
for number in range(count):
    index = int(rng.integers(len(images)))
    scale = int(rng.integers(6, 13))
    ink = enlarged_ink(images[index], scale)
    # (medial_axis breaks ties at random: seeded, the same arguments draw the same pictures)
    skeleton, distance = medial_axis(ink, return_distance=True, rng=number)
    # twice the median distance from the medial axis to the paper: the pen's width, even where
    # a fat pen filled a loop
    stroke = 2 * np.median(distance[skeleton])
    side, left, top = place_on_canvas(rng, scale, 200)
    file = f"{number:03d}.png"
    for name, (number_of_gaps, width) in gaps.items():
        canvas = np.full((side, side), 255, np.uint8)
        canvas[top:top + 28 * scale, left:left + 28 * scale][cut(ink, skeleton, stroke, number_of_gaps, width * stroke)] = 0
        Image.fromarray(canvas).filter(ImageFilter.GaussianBlur(0.6)).save(os.path.join(out, name, file))
        csvs[name].write(f"{file},{labels[index]}\n")
