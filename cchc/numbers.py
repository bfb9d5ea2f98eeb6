"""What every number people type shares: written out, never in exponent form. "1E2" is 100 to a computer but no
official writes a percentage so; it is refused with a message (forms, figures, spreadsheets, the API), not read."""

from __future__ import annotations

import re

_EXPONENT = re.compile(r"\d\s*[eE]\s*[+-]?\s*\d")


def exponent_message(raw: object) -> str | None:
    """The message for a number typed in exponent form ("1E2", "8,5e1"); None for any other text."""
    if isinstance(raw, str) and _EXPONENT.search(raw):
        return (
            f"“{raw.strip()[:30]}” không phải là cách ghi số: hãy ghi số thường (VD: 100 hoặc 85,5), "
            "không dùng dạng lũy thừa."
        )
    return None
