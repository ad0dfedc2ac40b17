"""The reader's text size: Ctrl+Plus / Ctrl+Minus / Ctrl+0 and the setting, remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings

KEY_TEXT_SCALE = "reader/text_scale"
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)
DEFAULT = 1.0


def load(settings: QSettings) -> float:
    try:
        value = float(settings.value(KEY_TEXT_SCALE, DEFAULT))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT
    return min(STEPS, key=lambda s: abs(s - value))


def save(settings: QSettings, scale: float) -> None:
    settings.setValue(KEY_TEXT_SCALE, scale)


def step(scale: float, direction: int) -> float:
    """The next size up (1) or down (-1); 0 resets."""
    if direction == 0:
        return DEFAULT
    i = min(range(len(STEPS)), key=lambda k: abs(STEPS[k] - scale))
    return STEPS[max(0, min(len(STEPS) - 1, i + direction))]
