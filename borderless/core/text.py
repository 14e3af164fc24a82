"""Text shown to people: make bidirectional control characters visible instead of applying them.

A name or message with a right-to-left override (U+202E) can make "invoice_exe.pdf" read as
"invoice_fdp.exe", or reorder a sentence so that it says something else. Our pages, e-mails and PDF
reports never need these characters, so every one of them is replaced by a visible mark such as
"[U+202E]": the text stays complete and honest, and nothing is reordered.
"""

from __future__ import annotations

import re

# Embeddings and overrides (U+202A..U+202E) and isolates (U+2066..U+2069).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def bidi_mark(character: str) -> str:
    """The visible mark that stands for one control character, e.g. "[U+202E]"."""
    return f"[U+{ord(character):04X}]"


def bidi_controls_marked(text: str) -> str:
    """``text`` with every bidirectional embedding, override and isolate replaced by its visible mark."""
    if not text:
        return text
    return BIDI_CONTROLS.sub(lambda match: bidi_mark(match.group()), text)


def has_bidi_controls(text: str) -> bool:
    return bool(text) and BIDI_CONTROLS.search(text) is not None
