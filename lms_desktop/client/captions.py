"""Caption tracks (WebVTT and SRT) parsed into timed cues, forgivingly: the files come from course packages.

Cue settings, styling blocks, NOTE blocks and markup tags are dropped (the player shows plain text); a cue
with an unreadable timing line is skipped instead of failing the whole track.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MAX_CUES = 20_000
_TIME = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


def _ms(match: re.Match[str]) -> int:
    h, m, s, frac = match.groups()
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(frac.ljust(3, "0")[:3])


def _unescape(text: str) -> str:
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def parse_captions(data: bytes | str) -> list[Cue]:
    """Cues of a WebVTT or SRT file, sorted by start time."""
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    blocks = re.split(r"\r?\n\s*\r?\n", text.replace("\r\n", "\n").strip())
    cues: list[Cue] = []
    for block in blocks:
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue  # WEBVTT header, NOTE, STYLE, REGION or an SRT counter without timing
        start_s, _, end_s = lines[timing].partition("-->")
        start, end = _TIME.search(start_s), _TIME.search(end_s)
        if start is None or end is None:
            continue
        body = "\n".join(_unescape(_TAG.sub("", line)).strip() for line in lines[timing + 1 :]).strip()
        if body:
            cues.append(Cue(_ms(start), max(_ms(end), _ms(start)), body))
        if len(cues) >= MAX_CUES:
            break
    cues.sort(key=lambda c: c.start_ms)
    return cues


class CueTrack:
    """Answers "which text is on screen at t" in O(log n)."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self._starts = [c.start_ms for c in cues]

    def text_at(self, position_ms: int) -> str:
        i = bisect.bisect_right(self._starts, position_ms)
        shown = [c.text for c in self.cues[max(0, i - 4) : i] if c.start_ms <= position_ms < c.end_ms]
        return "\n".join(shown)
