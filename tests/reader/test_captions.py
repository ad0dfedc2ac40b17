"""Caption tracks from packages: WebVTT and SRT, forgiving of what real files contain."""

from __future__ import annotations

from lms_desktop.client.captions import CueTrack, parse_captions

VTT = """WEBVTT
Kind: captions

NOTE a comment that is not a cue

STYLE
::cue { color: yellow }

intro
00:00.500 --> 00:02.000 align:start position:10%
<v Teacher>Hello &amp; <b>welcome</b>

00:01:02.250 --> 00:01:04.000
Second line
spans two

broken --> cue
ignored
"""

SRT = (
    "\ufeff1\r\n00:00:01,000 --> 00:00:03,500\r\nBonjour\r\n\r\n"
    "2\r\n00:00:04,000 --> 00:00:05,000\r\n<i>à tous</i>\r\n"
)


def test_webvtt_cues_without_settings_tags_or_notes() -> None:
    cues = parse_captions(VTT.encode())
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [
        (500, 2000, "Hello & welcome"),
        (62250, 64000, "Second line\nspans two"),
    ]


def test_srt_with_bom_and_crlf() -> None:
    track = CueTrack(parse_captions(SRT.encode()))
    assert track.text_at(0) == ""
    assert track.text_at(1000) == "Bonjour"
    assert track.text_at(3499) == "Bonjour"
    assert track.text_at(3500) == ""
    assert track.text_at(4500) == "à tous"


def test_garbage_gives_no_cues_instead_of_an_error() -> None:
    assert parse_captions(b"\x00\xff not a caption file --> at all") == []
    assert parse_captions("") == []
