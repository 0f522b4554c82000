"""The command line and data shared by the bench scripts that draw MNIST test digits into
pictures: `SCRIPT MNIST_DIR OUT [COUNT] [SEED]`, and MNIST's 10 000 test images and labels."""
import gzip
import os
import sys

import numpy as np


def arguments(default_count, default_seed):
    """(out, count, seed, images, labels) from the command line; images are 28×28 uint8."""
    mnist, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else default_count
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else default_seed
    images = np.frombuffer(gzip.open(os.path.join(mnist, "t10k-images-idx3-ubyte.gz")).read()[16:],
                           dtype=np.uint8).reshape(-1, 28, 28)
    labels = np.frombuffer(gzip.open(os.path.join(mnist, "t10k-labels-idx1-ubyte.gz")).read()[8:], dtype=np.uint8)
    return out, count, seed, images, labels
