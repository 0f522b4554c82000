#!/usr/bin/env python3
"""Phone photos of a chalk digit on a blackboard: MNIST test digits enlarged 7-13x in grainy
light chalk on a dark green or black board, with smudges of rubbed-out chalk, lighting falling off
across the board, sensor noise, a slight blur and JPEG compression, 800x600. Two folders: `board`
(the board fills the frame) and `wall` (a light wall or window takes 10-40 % of the frame along one
side, beyond the board's edge), each labelled for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/chalkboard-photos.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import numpy as np
from mnist_test_digits import arguments, trimmed_ink, write_photos
from PIL import Image, ImageFilter

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
width, height = 800, 600
rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
boards = [(38, 52, 44), (30, 32, 34), (45, 60, 50), (25, 38, 30)]
places = ["board", "wall"]


def photo(digit, place):
    page = np.ones((height, width, 3), np.float32) * np.array(boards[int(rng.integers(len(boards)))], np.float32)
    # Rubbed-out chalk: broad, faint light smears.
    for _ in range(int(rng.integers(0, 4))):
        cx, cy, r = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(60, 200)
        page += (rng.uniform(8, 25) * np.exp(-((columns - cx) ** 2 + (rows - cy) ** 2) / (2 * r * r)))[..., None]
    wall = np.zeros((height, width), np.float32)
    if place == "wall":
        side, share = int(rng.integers(4)), rng.uniform(0.1, 0.4)
        edge = {0: rows < share * height, 1: rows > (1 - share) * height,
                2: columns < share * width, 3: columns > (1 - share) * width}[side]
        wall = edge.astype(np.float32)
    ink = trimmed_ink(digit, rng.uniform(7, 13))
    # Chalk is grainy: the board shows through the stroke here and there.
    ink *= np.clip(rng.normal(0.85, 0.2, ink.shape), 0, 1)
    h, w = ink.shape
    free = np.argwhere(wall[:height - h, :width - w] == 0)
    while True:
        y, x = free[int(rng.integers(len(free)))]
        if wall[y:y + h, x:x + w].max() == 0:
            break
    region = page[y:y + h, x:x + w]
    page[y:y + h, x:x + w] = region * (1 - ink[..., None]) + np.array([225, 225, 218], np.float32) * ink[..., None]
    # The wall beyond the board.
    page = page * (1 - wall[..., None]) + np.array([215, 210, 200], np.float32) * rng.uniform(0.85, 1.1) * wall[..., None]
    light = rng.uniform(0.75, 1.0) + rng.uniform(0, 0.25) * (columns / width)
    page = page * light[..., None] + rng.normal(0, 3, (height, width, 3))
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))


write_photos(out, places, count, rng, images, labels, photo)
