#!/usr/bin/env python3
"""Numbers a writer rings: two or three MNIST test digits 70-130 px tall in dark ink on grey-white
paper, a quarter of their height apart, in a ring drawn around them all with the pen's width,
slightly blurred and saved as JPEG. Two folders, each labelled for `digits predict DIR --labels
DIR/labels.csv` (the default mode, a line of digits):

- `clear`: the ring stands well clear of the digits (its half-height 0.8 of theirs);
- `tight`: the ring is drawn close (half-height 0.6 of theirs), so it often touches them.

The ring is 1-1.15 turns of a slightly wobbly ellipse, as in `writers-marks.py` `circled`.

    scripts/bench/ringed-numbers.py MNIST_DIR OUT [COUNT=20] [SEED=7]

Needs numpy and Pillow.
"""
import os

import numpy as np
from mnist_test_digits import arguments, ink_on_paper, labelled_folders, trimmed_ink, wobbly_ring
from PIL import Image, ImageDraw

out, count, seed, images, labels = arguments(20, 7)
rng = np.random.default_rng(seed)
kinds = {"clear": (0.3, 0.8), "tight": (0.05, 0.6)}  # ring's reach past the digits: across, up


def ringed(indices, across_share, up_share):
    """The digits side by side on paper in a ring, as a greyscale picture."""
    height = int(rng.integers(70, 130))
    inks = [trimmed_ink(images[i], height=height) for i in indices]
    gap = height // 4
    span = sum(ink.shape[1] for ink in inks) + gap * (len(inks) - 1)
    width, frame = span + 2 * height, int(2.4 * height)
    digits = Image.new("F", (width, frame), 0.0)
    left, top = height, height // 2
    for ink in inks:
        digits.paste(Image.fromarray(ink.astype(np.float32)), (left, top))
        left += ink.shape[1] + gap
    ring = Image.new("L", (width, frame), 0)
    pen = max(2, int(height / 10 * rng.uniform(0.6, 1.1)))
    across, up = span / 2 + across_share * height, up_share * height
    ImageDraw.Draw(ring).line(wobbly_ring(rng, height + span / 2, top + height / 2, across, up),
                              fill=255, width=pen, joint="curve")
    return ink_on_paper(rng, np.maximum(np.asarray(digits), np.asarray(ring, np.float32) / 255))


csv = labelled_folders(out, kinds)
for kind, (across_share, up_share) in kinds.items():
    for number in range(count):
        indices = rng.integers(len(images), size=int(rng.integers(2, 4)))
        file = f"{kind}-{number:03d}.jpg"
        ringed(indices, across_share, up_share).save(os.path.join(out, kind, file), quality=85)
        csv[kind].write(f"{file},{''.join(str(labels[i]) for i in indices)}\n")
print(f"wrote {count} pictures to each of {', '.join(kinds)} in {out}")
