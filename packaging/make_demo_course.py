"""Draw the example course's pictures and its cheat sheet (PNG and PDF with Pillow), committed as files.

Run after changing a drawing:  .venv/bin/python packaging/make_demo_course.py
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

COURSE = Path(__file__).resolve().parent.parent / "resources" / "courses" / "git-first-steps"
INK = (33, 37, 41)
BLUE = (47, 110, 186)
GREEN = (46, 139, 87)
ORANGE = (214, 120, 36)
PAPER = (250, 250, 247)


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def box(
    draw: ImageDraw.ImageDraw, xy: tuple[int, int, int, int], fill: tuple[int, int, int], text: str
) -> None:
    draw.rounded_rectangle(xy, radius=18, fill=fill)
    f = font(30)
    left, top, right, bottom = draw.multiline_textbbox((0, 0), text, font=f, align="center")
    x = (xy[0] + xy[2] - (right - left)) / 2
    y = (xy[1] + xy[3] - (bottom - top)) / 2
    draw.multiline_text((x, y), text, font=f, fill="white", align="center")


def arrow(draw: ImageDraw.ImageDraw, start: tuple[int, int], end: tuple[int, int], label: str = "") -> None:
    draw.line([start, end], fill=INK, width=5)
    ex, ey = end
    sx, _ = start
    d = 1 if ex > sx else -1
    draw.polygon([(ex, ey), (ex - 18 * d, ey - 11), (ex - 18 * d, ey + 11)], fill=INK)
    if label:
        f = font(26)
        width = draw.textlength(label, font=f)
        draw.text(((start[0] + end[0] - width) / 2, start[1] - 44), label, font=f, fill=INK)


def three_areas() -> Image.Image:
    img = Image.new("RGB", (1200, 380), PAPER)
    draw = ImageDraw.Draw(img)
    box(draw, (40, 130, 300, 290), BLUE, "Working\nfolder")
    box(draw, (470, 130, 730, 290), ORANGE, "Staging\narea")
    box(draw, (900, 130, 1160, 290), GREEN, "Repository\n(commits)")
    arrow(draw, (310, 210), (460, 210), "git add")
    arrow(draw, (740, 210), (890, 210), "git commit")
    draw.text((40, 40), "Where your changes live", font=font(38), fill=INK)
    return img


def commit(draw: ImageDraw.ImageDraw, x: int, y: int, label: str, colour: tuple[int, int, int]) -> None:
    draw.ellipse((x - 42, y - 42, x + 42, y + 42), fill=colour)
    f = font(26)
    draw.text((x - draw.textlength(label, font=f) / 2, y - 15), label, font=f, fill="white")


def tag(draw: ImageDraw.ImageDraw, x: int, y: int, text: str, colour: tuple[int, int, int]) -> None:
    f = font(26)
    width = draw.textlength(text, font=f)
    draw.rounded_rectangle(
        (x - width / 2 - 14, y - 20, x + width / 2 + 14, y + 22), radius=10, outline=colour, width=4
    )
    draw.text((x - width / 2, y - 15), text, font=f, fill=colour)


def history() -> Image.Image:
    img = Image.new("RGB", (1200, 360), PAPER)
    draw = ImageDraw.Draw(img)
    xs = (220, 600, 980)
    for a, b in itertools.pairwise(xs):
        arrow(draw, (b - 46, 200), (a + 46, 200))
    for x, label in zip(xs, ("a41be07", "3f2c1a9", "9d04e5b"), strict=True):
        commit(draw, x, 200, label[:3], BLUE)
        draw.text((x - 50, 260), label, font=font(24), fill=INK)
    tag(draw, 980, 110, "main", GREEN)
    draw.line([(980, 132), (980, 158)], fill=GREEN, width=4)
    draw.text((40, 30), "Each commit points back to its parent", font=font(36), fill=INK)
    return img


def branches() -> Image.Image:
    img = Image.new("RGB", (1200, 460), PAPER)
    draw = ImageDraw.Draw(img)
    main_xs = (160, 420, 680)
    for a, b in itertools.pairwise(main_xs):
        arrow(draw, (b - 46, 300), (a + 46, 300))
    for x in main_xs:
        commit(draw, x, 300, "", BLUE)
    draw.line([(724, 290), (880, 190)], fill=INK, width=5)
    arrow(draw, (1094, 170), (926, 170))
    commit(draw, 880, 170, "", ORANGE)
    commit(draw, 1140, 170, "", ORANGE)
    tag(draw, 680, 400, "main", GREEN)
    draw.line([(680, 344), (680, 378)], fill=GREEN, width=4)
    tag(draw, 1040, 80, "gluten-free", ORANGE)
    draw.text((40, 30), "A branch moves on; main stays put", font=font(36), fill=INK)
    return img


def cover() -> Image.Image:
    img = Image.new("RGB", (960, 540), (28, 52, 84))
    draw = ImageDraw.Draw(img)
    for i in range(0, 960, 6):
        shade = int(28 + 40 * i / 960)
        draw.line([(i, 0), (i, 540)], fill=(shade, 60 + shade // 3, 100 + shade // 2), width=6)
    points = [(160, 360), (340, 360), (520, 360), (700, 360)]
    draw.line(points, fill="white", width=10)
    draw.line([(340, 360), (520, 230), (700, 230), (820, 230)], fill=(255, 190, 120), width=10)
    for x, y in [*points, (520, 230), (700, 230), (820, 230)]:
        draw.ellipse((x - 26, y - 26, x + 26, y + 26), fill="white", outline=(28, 52, 84), width=6)
    draw.text((80, 60), "Git: First Steps", font=font(72), fill="white")
    draw.text((84, 150), "in version control", font=font(40), fill=(210, 225, 240))
    return img


CHEATS = (
    ("git init", "make the current folder a repository"),
    ("git status", "what changed, what is staged"),
    ("git add FILE", "stage a file's current state"),
    ("git commit -m MSG", "record the staged changes"),
    ("git diff", "changes not staged yet"),
    ("git log --oneline", "the history, newest first"),
    ("git show ID", "one commit in detail"),
    ("git switch -c NAME", "create a branch and switch to it"),
    ("git switch NAME", "switch to a branch"),
    ("git merge NAME", "bring a branch into the current one"),
    ("git branch -d NAME", "delete a merged branch"),
)


def cheat_sheet() -> Image.Image:
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text((100, 100), "Git cheat sheet", font=font(64), fill=INK)
    draw.text((100, 190), "Git: First Steps in Version Control", font=font(30), fill=BLUE)
    y = 300
    for command, meaning in CHEATS:
        draw.text((100, y), command, font=font(34), fill=GREEN)
        draw.text((560, y), meaning, font=font(30), fill=INK)
        y += 90
    return page


def main() -> None:
    images = COURSE / "images"
    images.mkdir(parents=True, exist_ok=True)
    cover().save(images / "cover.png", optimize=True)
    three_areas().save(images / "three-areas.png", optimize=True)
    history().save(images / "history.png", optimize=True)
    branches().save(images / "branches.png", optimize=True)
    cheat_sheet().save(COURSE / "04-wrap-up" / "01-git-cheat-sheet.pdf", resolution=150.0)


if __name__ == "__main__":
    main()
