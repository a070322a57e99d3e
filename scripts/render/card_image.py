"""Share cards drawn at build time: a 1200×630 PNG per card, with Pillow and the Roboto files of
the font-roboto package (no browser, no network, no system font). The same card gives the same
bytes: the PNG carries no time, no metadata, and fixed compression."""

from __future__ import annotations

import io
from functools import lru_cache

import font_roboto
from PIL import Image, ImageDraw, ImageFont

from scripts.render.cards import ShareCard

WIDTH, HEIGHT = 1200, 630
MARGIN = 60
TEXT_WIDTH = WIDTH - 2 * MARGIN
INK, SOFT, FAINT = "#263238", "#455a64", "#546e7a"
BAND, ACCENT, FIGURE, RULE = "#37474f", "#e64a19", "#bf360c", "#cfd8dc"


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    # The basic layout engine: the same glyph positions wherever the build runs (no libraqm).
    path = font_roboto.RobotoBold if bold else font_roboto.Roboto
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Lines of at most ``width`` pixels; the last one cut with '…' when the text is longer."""
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " …"
    for i, line in enumerate(lines):
        while face.getlength(line) > width and len(line) > 1:
            line = line[:-2] + "…"
        lines[i] = line
    return lines


def fitted(text: str, largest: int, smallest: int, width: int) -> ImageFont.FreeTypeFont:
    """The largest bold face, down to ``smallest``, in which ``text`` fits on one line."""
    size = largest
    while size > smallest and font(size, bold=True).getlength(text) > width:
        size -= 4
    return font(size, bold=True)


def _blocks(card: ShareCard) -> list[tuple[list[str], ImageFont.FreeTypeFont, str, int]]:
    """(lines, face, colour, space after) of the card's body, top to bottom."""
    found = []
    if card.title != card.site:  # the home page: the band already says it
        found.append((wrap(card.title, font(48, True), TEXT_WIDTH, 2), font(48, True), INK, 18))
    if card.figure:
        face = fitted(card.figure, 104, 56, TEXT_WIDTH)
        found.append((wrap(card.figure, face, TEXT_WIDTH, 1), face, FIGURE, 6))
    for text, face, colour, after in ((card.counted, font(38), INK, 10), (card.note, font(28), FAINT, 0)):
        if text:
            found.append((wrap(text, face, TEXT_WIDTH, 2 if face.size > 30 else 1), face, colour, after))
    return found


def draw_card(card: ShareCard) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 96), fill=BAND)
    draw.rectangle((0, 96, WIDTH, 104), fill=ACCENT)
    draw.text((MARGIN, 30), wrap(card.site, font(36, True), TEXT_WIDTH, 1)[0], font=font(36, True), fill="#ffffff")
    blocks = _blocks(card)
    height = sum(len(lines) * round(face.size * 1.22) + after for lines, face, _, after in blocks)
    y = 104 + max(24, (556 - 104 - height) // 2)  # the body centred between the band and the rule
    for lines, face, colour, after in blocks:
        for line in lines:
            draw.text((MARGIN, y), line, font=face, fill=colour)
            y += round(face.size * 1.22)
        y += after
    draw.line((MARGIN, 556, WIDTH - MARGIN, 556), fill=RULE, width=2)
    if card.dated:
        draw.text((MARGIN, 574), wrap(card.dated, font(28), TEXT_WIDTH, 1)[0], font=font(28), fill=SOFT)
    return image


@lru_cache(maxsize=1024)
def card_png(card: ShareCard) -> bytes:
    """The card as PNG bytes: no metadata chunk, fixed compression, so equal cards are equal bytes.
    Kept between the rebuilds of a preview: most cards do not change."""
    out = io.BytesIO()
    # 128 colours hold the text's anti-aliasing; a palette image is a third of the bytes, and quick to compress.
    palette = draw_card(card).quantize(colors=128, method=Image.Quantize.FASTOCTREE)
    palette.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()
