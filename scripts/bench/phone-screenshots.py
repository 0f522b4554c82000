#!/usr/bin/env python3
"""Screenshots of a phone's drawing app: a status bar (the time, signal bars, wi-fi, a battery
with its percentage), an app bar (a back arrow, a title, undo and bin icons) and a toolbar of
colour buttons around a canvas, on which an MNIST test digit is drawn with the app's round pen,
anywhere on the canvas. Screens of 720×1600 to 1440×3200 pixels, saved as PNG as phones save
screenshots. Each folder is labelled for `digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/phone-screenshots.py MNIST_DIR OUT [COUNT=60] [SEED=1]

Folders: small-light and small-dark (the digit 4-8 times MNIST's size, a pen of 2-7 px radius:
a digit written small with a finger on a large screen), large-light and large-dark (12-30
times, a pen of 5-18 px); light is dark ink on a white app, dark white ink on a black one. Needs
numpy, Pillow, SciPy and scikit-image, and the DejaVu fonts (Debian's fonts-dejavu-core).
"""
import os

import numpy as np
from mnist_test_digits import arguments, enlarged_ink, labelled_folders
from PIL import Image, ImageDraw, ImageFont
from scipy.ndimage import distance_transform_edt
from skimage.morphology import skeletonize

out, count, seed, images, labels = arguments(60, 1)
rng = np.random.default_rng(seed)

SCREENS = [(720, 1600), (1080, 1920), (1080, 2340), (1170, 2532), (1284, 2778), (1440, 3200)]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
BUTTON_COLOURS = [(0, 0, 0), (229, 57, 53), (30, 136, 229), (67, 160, 71), (253, 216, 53), (142, 36, 170)]
FOLDERS = {"small-light": (4, 8, 2, 7, False), "small-dark": (4, 8, 2, 7, True),
           "large-light": (12, 30, 5, 18, False), "large-dark": (12, 30, 5, 18, True)}


def pen_stroke(image, scale, radius):
    """The digit enlarged `scale` times, thinned to its skeleton and drawn again with a round pen
    of `radius` px, anti-aliased: coverage in 0...1."""
    skeleton = skeletonize(enlarged_ink(image, scale))
    distance = distance_transform_edt(~skeleton)
    return np.clip(radius + 0.5 - distance, 0, 1)


def status_bar(draw, width, height, ink, ground):
    """The time on the left; signal bars, wi-fi and the battery with its percentage on the right."""
    icon = height * rng.uniform(0.38, 0.5)
    middle = height / 2
    clock = f"{rng.integers(1, 13)}:{rng.integers(0, 60):02d}"
    draw.text((width * 0.06, middle), clock, font=ImageFont.truetype(BOLD_FONT, int(icon * 1.1)), fill=ink, anchor="lm")
    x = width * rng.uniform(0.6, 0.66)
    bar = icon / 5
    for i in range(4):
        top = middle + icon / 2 - icon * (i + 1) / 4
        draw.rectangle([x + i * bar * 1.4, top, x + i * bar * 1.4 + bar, middle + icon / 2], fill=ink)
    x += 6 * bar + icon * 0.3
    for radius in (icon * 0.95, icon * 0.65, icon * 0.35):
        centre = (x + icon * 0.5, middle + icon / 2)
        draw.pieslice([centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius], 225, 315, fill=ink)
        draw.pieslice([centre[0] - radius * 0.72, centre[1] - radius * 0.72, centre[0] + radius * 0.72, centre[1] + radius * 0.72],
                      225, 315, fill=ground)
    x += icon * 1.4
    level = rng.integers(5, 101)
    draw.text((x, middle), f"{level}%", font=ImageFont.truetype(FONT, int(icon * 0.9)), fill=ink, anchor="lm")
    x += icon * 2.2
    body = [x, middle - icon * 0.45, x + icon * 1.9, middle + icon * 0.45]
    draw.rounded_rectangle(body, radius=icon * 0.18, outline=ink, width=max(2, int(icon * 0.08)))
    inset = icon * 0.14
    draw.rectangle([body[0] + inset, body[1] + inset, body[0] + inset + (body[2] - body[0] - 2 * inset) * level / 100, body[3] - inset], fill=ink)
    draw.rectangle([body[2] + 1, middle - icon * 0.15, body[2] + icon * 0.12, middle + icon * 0.15], fill=ink)


def app_bar(draw, top, width, height, ink):
    """A back arrow, the app's title, and undo and bin icons."""
    middle, size = top + height / 2, height * 0.35
    stroke = max(3, int(size * 0.12))
    x = width * 0.05
    draw.line([(x + size * 0.5, middle - size * 0.5), (x, middle), (x + size * 0.5, middle + size * 0.5)], fill=ink, width=stroke)
    title = str(rng.choice(["Sketch", "Draw", "Notes", "Doodle", "Whiteboard"]))
    draw.text((x + size * 1.6, middle), title, font=ImageFont.truetype(FONT, int(size * 1.2)), fill=ink, anchor="lm")
    x = width * 0.78
    draw.arc([x, middle - size * 0.5, x + size, middle + size * 0.5], 200, 90, fill=ink, width=stroke)
    draw.polygon([(x - size * 0.15, middle - size * 0.2), (x + size * 0.25, middle - size * 0.2), (x + size * 0.05, middle + size * 0.15)], fill=ink)
    x = width * 0.88
    draw.rectangle([x, middle - size * 0.35, x + size * 0.8, middle + size * 0.5], outline=ink, width=stroke)
    draw.line([(x - size * 0.15, middle - size * 0.4), (x + size * 0.95, middle - size * 0.4)], fill=ink, width=stroke)


def toolbar(draw, top, width, height):
    """A row of colour buttons: filled circles, the chosen one ringed."""
    radius = height * rng.uniform(0.18, 0.26)
    chosen = rng.integers(0, len(BUTTON_COLOURS))
    for i, colour in enumerate(BUTTON_COLOURS):
        cx, cy = width * (i + 1) / (len(BUTTON_COLOURS) + 1), top + height / 2
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=colour)
        if i == chosen:
            ring = radius * 1.3
            draw.ellipse([cx - ring, cy - ring, cx + ring, cy + ring], outline=(128, 128, 128), width=max(2, int(radius * 0.1)))


def screenshot(image, low_scale, high_scale, low_radius, high_radius, dark):
    width, height = SCREENS[rng.integers(0, len(SCREENS))]
    background = (18, 18, 18) if dark else (255, 255, 255)
    bars = (32, 33, 36) if dark else tuple(int(c) for c in rng.integers(238, 250, 3))
    ink = (235, 235, 235) if dark else (30, 30, 30)
    screen = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(screen)
    status_height, app_height, tool_height = (int(height * f) for f in (rng.uniform(0.025, 0.04), rng.uniform(0.05, 0.07), rng.uniform(0.07, 0.1)))
    draw.rectangle([0, 0, width, status_height + app_height], fill=bars)
    draw.rectangle([0, height - tool_height, width, height], fill=bars)
    status_bar(draw, width, status_height, ink, bars)
    app_bar(draw, status_height, width, app_height, ink)
    toolbar(draw, height - tool_height, width, tool_height)

    scale = int(rng.integers(low_scale, high_scale + 1))
    coverage = pen_stroke(image, scale, rng.uniform(low_radius, high_radius))
    side = coverage.shape[0]
    canvas_top, canvas_bottom = status_height + app_height, height - tool_height
    left = int(rng.integers(0, max(1, width - side)))
    top = int(rng.integers(canvas_top, max(canvas_top + 1, canvas_bottom - side)))
    pen = np.array(rng.choice([(0, 0, 0), (21, 101, 192), (198, 40, 40)]) if not dark else rng.choice([(255, 255, 255), (100, 181, 246)]), dtype=float)
    pixels = np.asarray(screen, dtype=float)
    region = pixels[top:top + side, left:left + side]
    alpha = coverage[:region.shape[0], :region.shape[1], None]
    pixels[top:top + side, left:left + side] = region * (1 - alpha) + pen * alpha
    return Image.fromarray(pixels.round().astype(np.uint8))


files = labelled_folders(out, FOLDERS)
for n, index in enumerate(rng.choice(len(images), count, replace=False)):
    for folder, settings in FOLDERS.items():
        name = f"{n:03d}.png"
        screenshot(images[index], *settings).save(os.path.join(out, folder, name))
        files[folder].write(f"{name},{labels[index]}\n")
