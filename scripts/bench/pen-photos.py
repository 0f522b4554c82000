#!/usr/bin/env python3
"""Phone photos of a digit with the pen that wrote it lying on the page: MNIST test digits
enlarged 8-14x on paper and, beside the digit, not touching it, the writing tool, at any angle,
casting a soft shadow, sometimes running out of the frame; lighting falling off across the page,
sensor noise, a slight blur and JPEG compression. A tool's body is several times wider than the
line it draws, as real ones are. Folders, each labelled for
`digits predict --single DIR --labels DIR/labels.csv`:

- `pen`: the digit's skeleton drawn 2.5-3.5 % of its height wide in dark ink, and a ballpoint
  pen (a shaded round body in black, blue, red or white, a black cap, a metal tip) 2.5-4 times
  the digit's height long and 1/14 of that wide;
- `pencil`: the skeleton 2 % wide in graphite grey, and a yellow hexagonal pencil (sharpened
  wood, graphite point) 3-4.5 times the digit's height long and 1/22 of that wide;
- `marker`: the digit in MNIST's own bold strokes, and a marker (a white barrel or one the colour
  of its ink, a cap of another colour, a felt tip) 2-3 times the digit's height long and 1/7 of
  that wide;
- `pen-alone`, `pencil-alone`, `marker-alone`: the same photos without the tool, to tell the
  misreadings the tool causes from those of the thin skeleton lines.

    scripts/bench/pen-photos.py MNIST_DIR OUT [COUNT=100] [SEED=1]

Needs numpy, Pillow, SciPy and scikit-image.
"""
import os

import numpy as np
from mnist_test_digits import arguments, enlarged_ink, labelled_folders
from PIL import Image, ImageFilter
from scipy.ndimage import distance_transform_edt
from skimage.morphology import skeletonize

out, count, seed, images, labels = arguments(100, 1)
rng = np.random.default_rng(seed)
width, height = 600, 800
rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
paper = np.array([238, 236, 230], np.float32)
pen_bodies = [(35, 35, 40), (40, 70, 170), (170, 35, 35), (225, 228, 232)]
marker_colours = [(30, 30, 30), (30, 60, 160), (170, 30, 30), (30, 120, 60)]

# Per folder: the line's width as a share of the digit's height (None: MNIST's own strokes), its
# colour, the tool's length in digit heights, and the tool's radius as a share of its length.
tools = {
    "pen": ((0.025, 0.035), (25, 25, 45), (2.5, 4), 1 / 28),
    "pencil": ((0.02, 0.02), (85, 85, 90), (3, 4.5), 1 / 44),
    "marker": (None, (25, 25, 35), (2, 3), 1 / 14),
}


def digit_cover(digit, line):
    """Ink cover 0…1 of the digit enlarged 8-14x, trimmed to its ink: MNIST's strokes, or its
    skeleton drawn `line` (a share of its height) wide."""
    scale = int(rng.integers(8, 15))
    ink = enlarged_ink(digit, scale)
    ys, xs = np.nonzero(ink)
    ink = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    if line is None:
        return np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1))).astype(np.float32) / 255
    radius = rng.uniform(*line) * ink.shape[0] / 2
    padded = np.pad(ink, 8)
    distance = distance_transform_edt(~skeletonize(padded))
    return np.clip(radius + 0.5 - distance, 0, 1).astype(np.float32)


def writing_tool(kind, x0, y0, angle, length, radius):
    """(cover 0…1, colour) of the tool whose point is at (x0, y0), lying along `angle`."""
    along = (columns - x0) * np.cos(angle) + (rows - y0) * np.sin(angle)
    across = -(columns - x0) * np.sin(angle) + (rows - y0) * np.cos(angle)
    point = length * {"pen": 0.1, "pencil": 0.12, "marker": 0.06}[kind]
    # Full radius along the body, tapering to nothing at the point (to a blunt felt tip for a
    # marker); a 1-pixel anti-aliased edge.
    taper = np.clip(along / point, 0, 1) if kind != "marker" else np.clip(0.4 + 0.6 * along / point, 0, 1)
    reach = radius * taper
    cover = np.clip(reach - np.abs(across) + 0.5, 0, 1) * np.clip(along + 0.5, 0, 1) * np.clip(length - along + 0.5, 0, 1)
    offset = np.clip(across / radius, -1, 1)
    # A round body lit from one side: darker towards both edges, a highlight stripe.
    shade = (0.55 + 0.45 * np.sqrt(1 - offset ** 2))[..., None]
    highlight = (70 * np.exp(-((offset + 0.4) / 0.12) ** 2))[..., None]
    colour = np.empty((height, width, 3), np.float32)
    if kind == "pen":
        colour[:] = np.array(pen_bodies[int(rng.integers(len(pen_bodies)))], np.float32) * shade + highlight
        cap = along > length * 0.72
        colour[cap] = (np.array([30, 30, 30], np.float32) * shade + highlight)[cap]
        metal = along < point
        colour[metal] = (150 + 60 * np.sqrt(1 - offset[metal] ** 2))[..., None]
    elif kind == "marker":
        body, cap_colour = (np.array(marker_colours[k], np.float32) for k in rng.choice(len(marker_colours), 2, replace=False))
        # A white barrel, as many markers have, or one the colour of the ink.
        barrel = np.array([220, 220, 215], np.float32) if rng.uniform() < 0.5 else body
        colour[:] = barrel * shade + highlight
        cap = along > length * 0.7
        colour[cap] = (cap_colour * shade + highlight)[cap]
        colour[along < point] = body
    else:
        # Three faces of a hexagon in view, each lit differently.
        face = np.where(offset < -0.33, 0.75, np.where(offset > 0.33, 0.6, 1.0))
        colour[:] = np.array([235, 185, 40], np.float32) * face[..., None]
        colour[along < point] = np.array([215, 175, 130], np.float32)
        colour[along < point * 0.3] = 60
    return cover, colour


def photos(digit, kind):
    """The photo with the tool lying beside the digit, and without it."""
    line, ink_colour, lengths, radius_share = tools[kind]
    page = np.ones((height, width, 3), np.float32) * paper
    ink = digit_cover(digit, line)
    x = width // 2 - ink.shape[1] // 2 + int(rng.integers(-80, 81))
    y = height // 2 - ink.shape[0] // 2 + int(rng.integers(-120, 121))
    region = page[y:y + ink.shape[0], x:x + ink.shape[1]]
    cover = ink[:region.shape[0], :region.shape[1], None]
    page[y:y + region.shape[0], x:x + region.shape[1]] = region * (1 - cover) + np.array(ink_colour, np.float32) * cover
    length = ink.shape[0] * rng.uniform(*lengths)
    # Somewhere beside the digit, at least a fifth of its height from its ink.
    keep_off = np.zeros((height, width), bool)
    margin = ink.shape[0] // 5
    keep_off[max(0, y - margin):y + ink.shape[0] + margin, max(0, x - margin):x + ink.shape[1] + margin] = True
    # Where no place is found, a shorter tool (as if lying further off, partly out of view).
    for attempt in range(2000):
        if attempt % 200 == 199:
            length *= 0.9
        radius = length * radius_share
        tool, colour = writing_tool(kind, rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0, 2 * np.pi), length, radius)
        inside = tool > 0.01
        if not (inside & keep_off).any() and inside.sum() > length * radius:
            break
    shadow = np.asarray(Image.fromarray((tool * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(6)))
    # Cast down and to the right: shifted, not wrapped round.
    shadow = np.pad(shadow, ((8, 0), (6, 0)))[:height, :width].astype(np.float32)[..., None] / 255
    with_tool = page * (1 - 0.35 * shadow)
    with_tool = with_tool * (1 - tool[..., None]) + colour * tool[..., None]
    light = (rng.uniform(0.8, 1.0) + (1 - rng.uniform(0.8, 1.0)) * (columns / width))[..., None]
    noise = rng.normal(0, 3, (height, width, 3))
    return [Image.fromarray(np.clip(p * light + noise, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
            for p in (with_tool, page)]


folders = labelled_folders(out, [name for kind in tools for name in (kind, f"{kind}-alone")])
for number in range(count):
    index = int(rng.integers(len(images)))
    for kind in tools:
        file = f"{kind}-{number:03d}.jpg"
        for name, picture in zip((kind, f"{kind}-alone"), photos(images[index], kind)):
            picture.save(os.path.join(out, name, file), quality=85)
            folders[name].write(f"{file},{labels[index]}\n")
print(f"wrote {count} photos to each folder of {out}")
