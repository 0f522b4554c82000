#!/usr/bin/env python3
"""Phone numbers written with dashes between their groups ("35-8621-1970", "678-4534"): MNIST
test digits enlarged 4x, dark on white, each a little closer to the last than its width, and a
pen dash at mid-height (a third to a half of a digit wide, tilted a little) between the groups.
The labels hold the digits alone, as `digits predict OUT --labels OUT/labels.csv` scores them
(read in lines of digits, without --single).

    scripts/bench/dashed-numbers.py MNIST_DIR OUT [COUNT=100] [SEED=3]

Needs numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments
from PIL import Image, ImageDraw

out, count, seed, images, labels = arguments(100, 3)
rng = np.random.default_rng(seed)
os.makedirs(out, exist_ok=True)
SCALE = 4
CELL = 28 * SCALE

with open(os.path.join(out, "labels.csv"), "w") as label_file:
    for n in range(count):
        groups = [3, 4] if n % 2 else [2, 4, 4]
        page = np.full((2 * CELL, CELL * (sum(groups) + len(groups) + 1)), 255, np.uint8)
        dashes = []
        x, digits = CELL // 2, ""
        for index, size in enumerate(groups):
            for _ in range(size):
                i = int(rng.integers(len(images)))
                digit = 255 - np.array(Image.fromarray(images[i]).resize((CELL, CELL), Image.BICUBIC))
                top = CELL // 2
                page[top:top + CELL, x:x + CELL] = np.minimum(page[top:top + CELL, x:x + CELL], digit)
                x += int(CELL * rng.uniform(0.75, 0.95))
                digits += str(labels[i])
            if index < len(groups) - 1:
                width = int(CELL * rng.uniform(0.35, 0.6))
                y = CELL + int(rng.uniform(-8, 8))
                dashes.append(((x + SCALE * 4, y), (x + SCALE * 4 + width, y + int(rng.uniform(-6, 6)))))
                x += SCALE * 10 + width
        picture = Image.fromarray(page[:, :x + CELL // 2])
        draw = ImageDraw.Draw(picture)
        for start, end in dashes:
            draw.line([start, end], fill=20, width=int(SCALE * 2.2))
        name = f"dashed-{n:03d}.png"
        picture.save(os.path.join(out, name))
        label_file.write(f"{name},{digits}\n")
