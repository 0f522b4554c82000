#!/usr/bin/env python3
"""Digits in the hands of writers MNIST never saw: the digits of seventeen handwriting fonts
(each drawn from one person's handwriting or in a hand-lettered style: Debian's fonts-bwht,
-breip, -comic-neue, -dancingscript, -dkg-handwriting, -humor-sans, -kaushanscript, -kiloji,
-klee, -kristi, -rufscript and -seto), one digit per picture, slanted and turned a little as a
hand does, with a pen a little thinner or thicker than the font's, slightly blurred, a digit in
five white on black. One labelled folder per font, for
`digits predict --single DIR --labels DIR/labels.csv`.

    scripts/bench/font-writers.py OUT [PER_DIGIT=20] [SEED=2]

Fonts that are not installed are skipped with a note
(`apt-get install fonts-bwht fonts-breip ...` installs them). Needs numpy and Pillow.
"""
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = [
    "/usr/share/fonts/opentype/bwht/BecauseWeBuild-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeConnect-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeCreate-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeLearn-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeMentor-Regular.otf",
    "/usr/share/fonts/opentype/bwht/BecauseWeOrganize-Regular.otf",
    "/usr/share/fonts/opentype/comic-neue/ComicNeue-Regular.otf",
    "/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf",
    "/usr/share/fonts/opentype/kaushanscript/KaushanScript-Regular.otf",
    "/usr/share/fonts/truetype/breip/Breip.ttf",
    "/usr/share/fonts/truetype/fifthhorseman/dkg.ttf",
    "/usr/share/fonts/truetype/humor-sans/Humor-Sans.ttf",
    "/usr/share/fonts/truetype/kiloji/kiloji.ttf",
    "/usr/share/fonts/truetype/klee/KleeOne-Regular.ttf",
    "/usr/share/fonts/truetype/kristi/Kristi.ttf",
    "/usr/share/fonts/truetype/rufscript/Rufscript010.ttf",
    "/usr/share/fonts/truetype/seto/setofont.ttf",
]

out = sys.argv[1]
per_digit = int(sys.argv[2]) if len(sys.argv) > 2 else 20
rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 2)


def written(font_file, digit):
    """The digit in the font, white on black, slanted, turned and re-inked, trimmed to its ink."""
    size = int(rng.integers(60, 220))
    glyph = Image.new("L", (size * 3, size * 3), 0)
    ImageDraw.Draw(glyph).text((size, size // 2), str(digit), font=ImageFont.truetype(font_file, size), fill=255)
    slant = rng.uniform(-0.15, 0.15)
    glyph = glyph.transform(glyph.size, Image.AFFINE, (1, slant, -slant * glyph.height / 2, 0, 1, 0), Image.BILINEAR)
    glyph = glyph.rotate(rng.uniform(-8, 8), Image.BILINEAR)
    # pen: one step thinner, the font's, or one or two steps (a pixel per 60 of size) thicker
    steps = int(rng.integers(-1, 3)) * max(1, size // 60)
    if steps > 0:
        glyph = glyph.filter(ImageFilter.MaxFilter(2 * steps + 1))
    elif steps < 0:
        glyph = glyph.filter(ImageFilter.MinFilter(3))
    return glyph.crop(glyph.getbbox())


for font_file in FONTS:
    if not os.path.exists(font_file):
        print(f"skipped (not installed): {font_file}")
        continue
    name = os.path.splitext(os.path.basename(font_file))[0]
    os.makedirs(os.path.join(out, name), exist_ok=True)
    with open(os.path.join(out, name, "labels.csv"), "w") as labels:
        for number in range(per_digit):
            for digit in range(10):
                glyph = written(font_file, digit)
                side = int(max(glyph.size) * rng.uniform(1.3, 4))
                canvas = Image.new("L", (side, side), 0)
                canvas.paste(glyph, (int(rng.integers(0, side - glyph.width + 1)), int(rng.integers(0, side - glyph.height + 1))))
                canvas = canvas.filter(ImageFilter.GaussianBlur(0.6))
                if rng.random() >= 0.2:
                    canvas = Image.eval(canvas, lambda v: 255 - v)
                file = f"{digit}-{number:02d}.png"
                canvas.save(os.path.join(out, name, file))
                labels.write(f"{file},{digit}\n")
