#!/usr/bin/env python3
"""Phone photos of a digit in a dark room, lit by the phone's flash or a desk lamp: MNIST test
digits enlarged 6-12x in black or blue ink on white paper filling an 800x600 frame, with sensor
noise, a slight blur and JPEG compression. Three folders, each labelled for
`digits predict --single DIR --labels DIR/labels.csv`:

- `flash`: the flash lights the page from the middle outwards, with its bright reflection near
  the digit, and the light falls to 35-70 % of the middle's at the corners (a room with some
  light in it, or the phone held further away);
- `dark-room`: the corners are dark, 20-40 % of the middle's, and so is much of the frame's edge:
  the flash alone lights a patch of the page around the digit;
- `desk-lamp`: a lamp's oval pool of light, 400-700 px wide, anywhere in the frame with the
  digit in it, on a page otherwise lit only by the room (15-35 % of the pool's light).

    scripts/bench/flash-photos.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy and Pillow.
"""
import numpy as np
from mnist_test_digits import arguments, trimmed_ink, write_photos
from PIL import Image, ImageFilter

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
width, height = 800, 600
rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
# (falloff at the corners' squared distance from the middle, darkest share of the middle's light)
falloffs = {"flash": ((0.3, 0.5), 0.35), "dark-room": ((0.5, 0.8), 0.2)}
inks = [(25, 25, 35), (40, 50, 150)]


def write(page, ink, cx, cy):
    """Writes `ink` on `page` in one of the inks, its middle at (cx, cy) as far as the frame allows."""
    h, w = ink.shape
    x, y = int(np.clip(cx - w / 2, 0, width - w)), int(np.clip(cy - h / 2, 0, height - h))
    colour = np.array(inks[int(rng.integers(len(inks)))], np.float32)
    page[y:y + h, x:x + w] = page[y:y + h, x:x + w] * (1 - ink[..., None]) + colour * ink[..., None]


def photographed(page):
    """The lit page as the phone saves it: sensor noise and a slight blur."""
    page = page + rng.normal(0, 3, (height, width, 3))
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))


def photo(digit, kind):
    if kind == "desk-lamp":
        return lamp_photo(digit)
    page = np.ones((height, width, 3), np.float32) * np.array([238, 238, 234], np.float32)
    ink = trimmed_ink(digit, rng.uniform(6, 12))
    cx, cy = rng.uniform(250, 550), rng.uniform(200, 400)
    write(page, ink, cx, cy)
    (low, high), floor = falloffs[kind]
    distance = ((columns - width / 2) ** 2 + (rows - height / 2) ** 2) / (width / 2) ** 2
    light = np.clip(1.15 - rng.uniform(low, high) * distance, floor, 1.2)
    hx, hy = cx + rng.uniform(-150, 150), cy + rng.uniform(-100, 100)
    reflection = np.exp(-((columns - hx) ** 2 + (rows - hy) ** 2) / (2 * rng.uniform(30, 70) ** 2))
    return photographed(page * light[..., None] + reflection[..., None] * 90)


def lamp_photo(digit):
    page = np.ones((height, width, 3), np.float32) * np.array([238, 236, 228], np.float32)
    ink = trimmed_ink(digit, rng.uniform(6, 12))
    lx, ly = rng.uniform(100, 700), rng.uniform(100, 500)
    write(page, ink, lx + rng.uniform(-120, 120), ly + rng.uniform(-90, 90))
    sx, sy = rng.uniform(200, 350), rng.uniform(150, 300)
    distance = ((columns - lx) / sx) ** 2 + ((rows - ly) / sy) ** 2
    light = np.clip(1.1 - rng.uniform(0.5, 0.9) * distance, rng.uniform(0.15, 0.35), 1.1)
    return photographed(page * light[..., None])


kinds = list(falloffs) + ["desk-lamp"]
write_photos(out, kinds, count, rng, images, labels, photo)
