"""Translation helpers: plural forms without a translator, and the translators for the chosen language.

Every user-visible string goes through Qt's `tr()`; a count goes through `tr("%n course(s)", "", n)`, whose
plural forms come from the language's `.qm` file. When no translation is loaded (English), Qt only replaces
`%n`, so `plural()` turns the "(s)" marker into English's two forms.
"""

from __future__ import annotations


def plural(text: str, n: int) -> str:
    """English plural for a `tr("%n thing(s)", "", n)` result that no translator changed."""
    return text.replace("(s)", "" if n == 1 else "s").replace("(es)", "" if n == 1 else "es")
