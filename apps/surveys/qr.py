"""QR codes drawn on the server (segno, pure Python): an inline SVG for the poster, a PNG for whoever needs one."""

from __future__ import annotations

import io

import segno


def svg(url: str) -> str:
    """The QR code of ``url`` as an inline ``<svg>`` element that scales to its box (error correction M)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=10, border=2, xmldecl=False, svgns=True, title="Mã QR khảo sát", omitsize=True
    )
    return buffer.getvalue().decode()


def png(url: str, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
