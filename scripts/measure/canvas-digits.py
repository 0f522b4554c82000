#!/usr/bin/env python3
"""Renders MNIST test digits as web-canvas-like drawings and a 12-megapixel photo-like page,
to measure `digits predict` (extraction + model) against the same model on the raw digits.

    python3 scripts/measure/canvas-digits.py MNIST_DIR MODEL.safetensors OUT_DIR [COUNT]

OUT_DIR/canvas/: COUNT 280×280 PNGs, dark ink on white, each digit enlarged 4–9× and its stroke
thinned or thickened at random (as pens of different widths would draw it), placed at a random
spot; OUT_DIR/canvas/labels.csv; OUT_DIR/photo-12mp.jpg: 4000×3000, five digits on lined paper
under a lighting gradient with sensor noise. Prints the model's per-digit accuracy on the raw
28×28 digits (StandardScaler + logistic regression evaluated in numpy from the model file).
"""
import gzip
import json
import os
import struct
import sys

import numpy as np
from PIL import Image, ImageFilter

mnist, model, out = sys.argv[1], sys.argv[2], sys.argv[3]
count = int(sys.argv[4]) if len(sys.argv) > 4 else 200
rng = np.random.default_rng(7)
images = np.frombuffer(gzip.decompress(open(f"{mnist}/t10k-images-idx3-ubyte.gz", "rb").read()), np.uint8, offset=16).reshape(-1, 28, 28)
labels = np.frombuffer(gzip.decompress(open(f"{mnist}/t10k-labels-idx1-ubyte.gz", "rb").read()), np.uint8, offset=8)

os.makedirs(f"{out}/canvas", exist_ok=True)
rows = ["file,value"]
for i in range(count):
    scale = rng.uniform(4, 9)
    size = int(28 * scale)
    digit = Image.fromarray(images[i]).resize((size, size), Image.BILINEAR)
    pen = rng.choice(["thin", "thinner", "as is", "thick", "thicker"])
    if pen == "thin":
        digit = digit.filter(ImageFilter.MinFilter(5))
    elif pen == "thinner":
        digit = digit.filter(ImageFilter.MinFilter(9))
    elif pen == "thick":
        digit = digit.filter(ImageFilter.MaxFilter(5))
    elif pen == "thicker":
        digit = digit.filter(ImageFilter.MaxFilter(11))
    canvas = Image.new("L", (280, 280), 0)
    offset = max(0, 280 - size)
    canvas.paste(digit.crop((0, 0, min(size, 280), min(size, 280))), (int(rng.integers(0, offset + 1)), int(rng.integers(0, offset + 1))))
    ink = np.asarray(canvas, np.float32) / 255
    Image.fromarray((255 - ink * 235).astype(np.uint8)).save(f"{out}/canvas/{i:03d}.png")
    rows.append(f"{i:03d}.png,{labels[i]}")
open(f"{out}/canvas/labels.csv", "w").write("\n".join(rows) + "\n")

# The model on the raw digits.
raw = open(model, "rb").read()
n = struct.unpack("<Q", raw[:8])[0]
header = json.loads(raw[8 : 8 + n])
def tensor(name):
    entry = header[name]
    start, end = entry["data_offsets"]
    return np.frombuffer(raw[8 + n + start : 8 + n + end], np.float32).reshape(entry["shape"])
x = images[:count].reshape(count, 784).astype(np.float32)
z = (x - tensor("transform.0.mean")) * tensor("transform.0.scale")  # stored as 1/std
predicted = (z @ tensor("classifier.weights") + tensor("classifier.intercepts")).argmax(1)
truth = labels[:count]
print(f"raw 28x28 digits: accuracy {np.mean(predicted == truth) * 100:.1f} % of {count}")
for d in range(10):
    mask = truth == d
    print(f"  digit {d}: {np.mean(predicted[mask] == d) * 100:5.1f} % of {mask.sum()}")

# A 12-megapixel photo-like page.
W, H = 4000, 3000
yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
paper = 0.95 - 0.4 * (xx / W) * (yy / H)
page = np.zeros((H, W), np.float32)
for y in range(300, H, 240):
    page[y : y + 4, :] = np.maximum(page[y : y + 4, :], 0.35)
for k in range(5):
    digit = np.asarray(Image.fromarray(images[k]).resize((500, 500), Image.BILINEAR), np.float32) / 255
    page[1100 : 1600, 500 + 620 * k : 1000 + 620 * k] = np.maximum(page[1100 : 1600, 500 + 620 * k : 1000 + 620 * k], digit)
grey = paper * (1 - 0.85 * page) + rng.normal(0, 0.015, (H, W)).astype(np.float32)
rgb = np.clip(np.stack([grey * 0.98, grey * 0.97, grey * 1.0], -1) * 255, 0, 255).astype(np.uint8)
Image.fromarray(rgb).save(f"{out}/photo-12mp.jpg", quality=88)
print("photo-12mp.jpg digits:", "".join(str(v) for v in labels[:5]))
