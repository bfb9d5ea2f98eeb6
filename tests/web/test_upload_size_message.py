"""A file over the limit is told with its size and the limit in the same unit, by one message for evidence files,
plan imports and spreadsheets ("nặng 12,4 MB, vượt giới hạn 10,0 MB"), never two numbers that read the same."""

from __future__ import annotations

from cchc.sizes import MB, sizes, too_big


def test_it_tells_size_and_limit_in_the_limits_unit():
    assert sizes(int(12.4 * MB), 10 * MB) == ("12,4 MB", "10,0 MB")
    assert sizes(3 * 1024 * MB, 20 * MB) == ("3.072,0 MB", "20,0 MB")  # not "3,0 GB" against "20 MB"
    assert sizes(6 * 1024 + 300, 4 * 1024) == ("6,3 KB", "4,0 KB")
    assert sizes(550, 100) == ("550 byte", "100 byte")


def test_it_never_shows_a_file_just_over_the_limit_as_the_limit():
    shown, limit = sizes(10 * MB + 40 * 1024, 10 * MB)
    assert (shown, limit) == ("10,04 MB", "10,00 MB")
    shown, limit = sizes(10 * MB + 1, 10 * MB)
    assert (shown, limit) == ("10.485.761 byte", "10.485.760 byte")


def test_it_says_what_the_limit_is_for():
    assert too_big("Báo cáo.pdf", int(12.4 * MB), 10 * MB, "một tệp minh chứng") == (
        "Tệp “Báo cáo.pdf” nặng 12,4 MB, vượt giới hạn 10,0 MB cho một tệp minh chứng."
    )
