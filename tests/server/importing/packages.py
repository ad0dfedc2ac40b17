"""Small course packages built by the tests, one per format and quirk (nothing downloaded)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def png(colour: tuple[int, int, int] = (200, 80, 40), size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def write(root: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def markdown_course(root: Path, *, intro_extra: str = "", drop_second: bool = False) -> Path:
    files: dict[str, bytes | str] = {
        "course.toml": 'id = "test/md"\ntitle = "Markdown Test Course"\ndescription = "A small course."\n'
        'difficulty = "intermediate"\nlanguage = "de"\n',
        "images/diagram.png": png(),
        "01-basics/lesson.toml": 'title = "The basics"\n',
        "01-basics/01-intro.md": "# Introduction\n\nSee ![a diagram](../images/diagram.png) and the "
        "[next page](02-more.md). <script>alert(1)</script><b onclick='x()'>bold</b> zanzibarite\n"
        + intro_extra,
        "01-basics/03-handout.pdf": PDF,
        "02-practice/01-video.md": '+++\ntype = "video"\nurl = "https://www.youtube.com/embed/dQw4w9WgXcQ"\n'
        'captions = [{language = "en", label = "English", file = "../images/subs.vtt"}]\n+++\nWatch it.\n',
        "images/subs.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n",
        "02-practice/02-docs.md": '+++\ntype = "link"\nurl = "https://example.org/docs"\n+++\nThe docs.\n',
        "02-practice/03-quiz.md": '+++\ntype = "quiz"\nmax_attempts = 2\n+++\nShort quiz.\n\n'
        "## Pick B {#pick}\n- [ ] A\n- [x] B\nfeedback: B it is.\n\n"
        "## Capital of France?\nanswer: ci:Paris\npoints: 2\n\n## Pi?\nnumber: 3.14 +- 1%\n\n## Explain.\n",
    }
    if not drop_second:
        files["01-basics/02-more.md"] = "More text here.\n"
    return write(root, files)
