"""The command line and data shared by the bench scripts that draw MNIST test digits into
pictures: `SCRIPT MNIST_DIR OUT [COUNT] [SEED]`, MNIST's 10 000 test images and labels, the
labelled folders and canvases of the scripts that draw a digit at once into several folders, and
the loop of the photo scripts that write a folder per kind."""
import gzip
import os
import sys

import numpy as np
from PIL import Image, ImageFilter


def arguments(default_count, default_seed):
    """(out, count, seed, images, labels) from the command line; images are 28×28 uint8."""
    mnist, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else default_count
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else default_seed
    images = np.frombuffer(gzip.open(os.path.join(mnist, "t10k-images-idx3-ubyte.gz")).read()[16:],
                           dtype=np.uint8).reshape(-1, 28, 28)
    labels = np.frombuffer(gzip.open(os.path.join(mnist, "t10k-labels-idx1-ubyte.gz")).read()[8:], dtype=np.uint8)
    return out, count, seed, images, labels


def labelled_folders(out, names):
    """A folder under `out` per name, and its labels.csv open for writing, by name."""
    for name in names:
        os.makedirs(os.path.join(out, name), exist_ok=True)
    return {name: open(os.path.join(out, name, "labels.csv"), "w") for name in names}


def write_photos(out, kinds, count, rng, images, labels, photo):
    """Writes `count` photos to each of `kinds`' labelled folders in `out`: `photo(digit, kind)`
    of an MNIST test digit drawn at random from `rng`, saved as KIND-NNN.jpg at quality 85."""
    csv = labelled_folders(out, kinds)
    for kind in kinds:
        for number in range(count):
            index = int(rng.integers(len(images)))
            file = f"{kind}-{number:03d}.jpg"
            photo(images[index], kind).save(os.path.join(out, kind, file), quality=85)
            csv[kind].write(f"{file},{labels[index]}\n")
    print(f"wrote {count} photos to each of {', '.join(kinds)} in {out}")


def enlarged_ink(image, scale):
    """A 28×28 digit enlarged `scale` times (bicubic), as a boolean ink mask."""
    return np.array(Image.fromarray(image).resize((28 * scale, 28 * scale), Image.BICUBIC)) > 100


def place_on_canvas(rng, scale, slack):
    """(side, left, top): a square canvas up to `slack` px larger than the enlarged digit, and
    where the digit goes on it."""
    side = 28 * scale + int(rng.integers(0, slack + 1))
    left, top = (int(rng.integers(0, side - 28 * scale + 1)) for _ in range(2))
    return side, left, top


def trimmed_ink(image, scale=None, height=None):
    """A 28×28 digit trimmed to its ink and enlarged `scale` times, or to `height` pixels tall
    (bicubic), as ink cover 0…1."""
    ys, xs = np.nonzero(image > 30)
    box = image[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    if height is not None:
        scale = height / box.shape[0]
    size = (max(1, int(box.shape[1] * scale)), int(box.shape[0] * scale))
    return np.asarray(Image.fromarray(box).resize(size, Image.BICUBIC)).astype(np.float32) / 255


def wobbly_ring(rng, x, y, across, up):
    """The points of a ring a pen draws around (x, y): 1-1.15 turns of an ellipse with half-axes
    `across` and `up`, wobbling by 4 %."""
    start, turns = rng.uniform(0, 2 * np.pi), rng.uniform(1.0, 1.15)
    angles = np.linspace(0, 2 * np.pi * turns, 200)
    wobble = 1 + 0.04 * np.sin(3 * angles + start)
    return list(zip(x + across * wobble * np.cos(angles + start), y + up * wobble * np.sin(angles + start)))


def ink_on_paper(rng, cover):
    """Ink cover 0…1 as dark ink on grey-white paper with a little grain, slightly blurred."""
    paper = rng.uniform(200, 245) + rng.normal(0, 3, cover.shape)
    grey = paper * (1 - cover) + rng.uniform(20, 70) * cover
    return Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
