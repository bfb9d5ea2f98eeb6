"""A file's size against its limit, told in the same unit (evidence files, plan imports, spreadsheets): "nặng
12,4 MB, vượt giới hạn 10,0 MB", never "1,2 GB; tối đa 10 MB" nor two numbers that read the same."""

from __future__ import annotations

KB, MB = 1024, 1024 * 1024


def _number(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def sizes(size: int, limit: int) -> tuple[str, str]:
    """``size`` and ``limit`` in the unit that suits the limit (MB, KB, byte), with as many decimals as it takes for
    two different sizes not to read the same ('10,001 MB' against '10,000 MB'); in bytes when even that does."""
    unit, name = (MB, "MB") if limit >= MB else (KB, "KB") if limit >= KB else (1, "byte")
    if unit > 1:
        for decimals in (1, 2, 3):
            shown = _number(size / unit, decimals), _number(limit / unit, decimals)
            if shown[0] != shown[1] or size == limit:
                return f"{shown[0]} {name}", f"{shown[1]} {name}"
    return f"{_number(size, 0)} byte", f"{_number(limit, 0)} byte"


def too_big(name: str, size: int, limit: int, what: str = "") -> str:
    """'Tệp “x.pdf” nặng 12,4 MB, vượt giới hạn 10,0 MB cho một tệp minh chứng.' (``what``: for what the limit is)."""
    shown, most = sizes(size, limit)
    return f"Tệp “{name}” nặng {shown}, vượt giới hạn {most}{f' cho {what}' if what else ''}."


def limit_label(limit: int) -> str:
    """The limit alone, as an upload page tells it ('10,0 MB')."""
    return sizes(0, limit)[1]
