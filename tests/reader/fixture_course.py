"""The reader's fixture: a Markdown course package with every section type, imported by the importer into
a real server (page with an image, a table, code and a quote; a file; a link; a video file with captions in
two formats; a YouTube video; a discussion; an external tool; a quiz), and a second course never downloaded.
"""

from __future__ import annotations

from pathlib import Path

from lms_desktop.contract import ImportedCourse
from lms_desktop.server.db.engine import Database
from lms_desktop.server.importing.service import ImportTarget, import_package
from tests.reader.media import SRT, VTT, clip
from tests.server.importing.packages import PDF, png, write

PAGE_WORD = "quokkafern"  # only in the fixture course's page: offline search finds it once downloaded
OTHER_WORD = "zebrafinch"  # only in the other course, never downloaded

PAGE = f"""# Reading the night sky

Stars are easier to find than you think: {PAGE_WORD} is the word this test searches for.

<img src="../images/figure.png" width="320" height="200" alt="A figure">

| Planet | Moons |
|---|---|
| Mars | 2 |
| Jupiter | 95 |

```python
def orbit(period: float) -> float:
    return period * 2
```

> A quote from an astronomer, set off as a quote.

Continue with [the handout](02-handout.pdf) or read [the next page](03-docs.md), or visit
[the observatory](https://example.org/observatory).
"""


def build_packages(root: Path) -> tuple[Path, Path]:
    main = write(
        root / "every-type",
        {
            "course.toml": 'id = "reader/every-type"\ntitle = "Every Section Type"\n'
            'description = "A course with every kind of section, for the reader."\n',
            "images/figure.png": png((40, 120, 200), (320, 200)),
            "media/clip.avi": clip(),
            "media/clip.en.vtt": VTT,
            "media/clip.fr.srt": SRT,
            "01-reading/lesson.toml": 'title = "Reading"\n',
            "01-reading/01-sky.md": PAGE,
            "01-reading/02-handout.pdf": PDF,
            "01-reading/03-docs.md": '+++\ntype = "link"\nurl = "https://example.org/docs"\n+++\n'
            "The reference documentation.\n",
            "02-media/lesson.toml": 'title = "Watching and talking"\n',
            "02-media/01-clip.md": '+++\ntype = "video"\nfile = "../media/clip.avi"\ncaptions = [\n'
            '  {language = "en", label = "English", file = "../media/clip.en.vtt"},\n'
            '  {language = "fr", label = "Français", file = "../media/clip.fr.srt"},\n]\n+++\n'
            "A short clip.\n",
            "02-media/02-talk.md": '+++\ntype = "video"\nurl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"\n'
            "+++\nA talk on YouTube.\n",
            "02-media/03-forum.md": '+++\ntype = "discussion"\nurl = "https://forum.example.org/t/1"\n+++\n'
            "Share one thing you saw in the sky this week.\n",
            "02-media/04-tool.md": '+++\ntype = "external"\nurl = "https://tool.example.org/lti"\n'
            'platform = "Moodle"\n+++\nThe simulator runs on the school platform.\n',
            "02-media/05-quiz.md": '+++\ntype = "quiz"\n+++\nA short check.\n\n'
            "## Which is a planet?\n- [ ] The Moon\n- [x] Mars\n",
        },
    )
    other = write(
        root / "other",
        {
            "course.toml": 'id = "reader/other"\ntitle = "Never Downloaded"\ndescription = "Birds."\n',
            "01-birds/01-finches.md": f"# Finches\n\nThe {OTHER_WORD} sings.\n",
        },
    )
    return main, other


def import_fixture(db: Database, data_dir: Path, scratch: Path) -> tuple[ImportedCourse, ImportedCourse]:
    target = ImportTarget(
        db=db,
        assets_dir=data_dir / "assets",
        images_dir=data_dir / "images",
        scratch_dir=data_dir / "import-tmp",
    )
    main, other = build_packages(scratch)
    return import_package(target, main), import_package(target, other)
