"""HTML from packages made safe for the reader, with its links rewritten, plus its plain text for search.

nh3 (the Rust ammonia sanitizer) keeps a fixed allow-list: no scripts, event handlers, forms, styles or
frames. Embeds (iframe, object, embed, video, audio) become a link to what they showed before sanitizing,
so a YouTube iframe turns into a link the learner can open. `rewrite(tag, attribute, value)` maps every
href/src to an asset URL, a section link or an outside address (None drops the attribute).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import nh3

Rewrite = Callable[[str, str, str], str | None]

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "*": {"lang", "dir"},
}
_BODY = re.compile(r"<body\b[^>]*>(.*)</body\s*>", re.IGNORECASE | re.DOTALL)
_EMBED = re.compile(
    r"<(iframe|embed|object|video|audio)\b([^>]*)>(?:(.*?)</\1\s*>)?", re.IGNORECASE | re.DOTALL
)
_SRC = re.compile(r"""\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TITLE_ATTR = re.compile(r"""\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_INNER_SRC = re.compile(r"""<source\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def body_of(document: str) -> str:
    """The body of a full HTML document (Canvas pages are documents), or the fragment itself."""
    found = _BODY.search(document)
    return found.group(1) if found else document


def _embed_to_link(match: re.Match[str]) -> str:
    attrs, inner = match.group(2), match.group(3) or ""
    found = _SRC.search(attrs) or _INNER_SRC.search(inner)
    if not found:
        return ""
    src = html_lib.unescape(next(g for g in found.groups() if g is not None)).strip()
    titled = _TITLE_ATTR.search(attrs)
    label = html_lib.unescape(next(g for g in titled.groups() if g is not None)) if titled else ""
    if not label:
        host = urlsplit(src).hostname
        label = f"Open the embedded content ({host})" if host else "Open the embedded content"
    return f'<p><a href="{html_lib.escape(src)}">{html_lib.escape(label)}</a></p>'


def clean(fragment: str, rewrite: Rewrite | None = None) -> str:
    """Sanitized HTML; `rewrite` sees every href and src after the embeds became links."""
    linked = _EMBED.sub(_embed_to_link, body_of(fragment))

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src") and rewrite is not None:
            return rewrite(tag, attribute, value)
        return value

    return nh3.clean(
        linked,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=attribute_filter,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def plain_text(html: str) -> str:
    """The visible text of sanitized HTML, whitespace collapsed (what content search indexes)."""
    spaced = re.sub(r"<(?:br|/p|/div|/li|/h\d|/tr|/td|/th)\b[^>]*>", " ", html, flags=re.IGNORECASE)
    text = nh3.clean(spaced, tags=set())
    return _SPACE.sub(" ", html_lib.unescape(text)).strip()


def escape(text: str) -> str:
    return html_lib.escape(text, quote=True)


def html_title(document: str) -> str | None:
    found = re.search(r"<title[^>]*>(.*?)</title\s*>", document, re.IGNORECASE | re.DOTALL)
    if not found:
        return None
    title = _SPACE.sub(" ", html_lib.unescape(re.sub(r"<[^>]+>", "", found.group(1)))).strip()
    return title or None
