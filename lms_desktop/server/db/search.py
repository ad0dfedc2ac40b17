"""Safe full-text query building: any user text becomes a valid MATCH / tsquery, or no query at all.

Raw user text passed to FTS5 MATCH is a syntax error for most random inputs (quotes, operators,
parentheses, `*`, `-`). The rule here: split the
text into word tokens ourselves, quote every token, and emit operators only from this code: tokens are
ANDed, and the last one is a prefix (`"pyth"*` / `'pyth':*`) for search-as-you-type unless the text ends
in whitespace (the word is finished). A one-character prefix matches almost everything and is slow, so a
one-character word being typed after other words is left out until it grows ("git f" searches "git"),
and alone it is matched as a whole word. Long inputs are cut to MAX_TOKENS tokens of MAX_TOKEN_CHARS
characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lms_desktop.contract import MAX_QUERY_CHARS

MAX_TOKENS = 16
MAX_TOKEN_CHARS = 64
MIN_PREFIX_CHARS = 2  # a shorter word being typed is not searched as a prefix
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits; quotes, operators, emoji are separators


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """The user's words, ready for either engine."""

    tokens: tuple[str, ...]
    prefix_last: bool

    def fts5(self) -> str:
        """An FTS5 MATCH expression: each token a quoted string, the last one a prefix query."""
        parts = ['"' + t.replace('"', '""') + '"' for t in self.tokens]
        if self.prefix_last:
            parts[-1] += "*"
        return " ".join(parts)

    def tsquery(self) -> str:
        """A to_tsquery('english', ...) expression: each token a quoted lexeme, ANDed."""
        parts = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in self.tokens]
        if self.prefix_last:
            parts[-1] += ":*"
        return " & ".join(parts)

    def fingerprint(self) -> str:
        return " ".join(self.tokens) + ("*" if self.prefix_last else "")


def parse(text: str | None) -> SearchTerms | None:
    """Turn user text into search terms; None when it holds no searchable word (or is empty)."""
    if not text:
        return None
    text = text[:MAX_QUERY_CHARS]
    tokens = [t.casefold()[:MAX_TOKEN_CHARS] for t in _WORD.findall(text)][:MAX_TOKENS]
    if not tokens:
        return None
    typing = bool(_WORD.search(text[-1])) and len(_WORD.findall(text)) <= MAX_TOKENS
    if typing and len(tokens[-1]) < MIN_PREFIX_CHARS:
        if len(tokens) > 1:
            return SearchTerms(tuple(tokens[:-1]), prefix_last=False)
        typing = False
    return SearchTerms(tuple(tokens), prefix_last=typing)
