"""The row that only numbers a table's columns is told apart as OCR reads it: some of its numbers misread,
going on from a table cut before; a row with any words is never taken for it (importer.readers.table_head)."""

from __future__ import annotations

import pytest

from importer.readers.table_head import numbers_columns


@pytest.mark.parametrize(
    "row",
    [
        ("1", "2", "3", "4"),
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
        ("(@)", "(2)", "(3)", "(4)", "(5)", "(6)"),  # '(1)' under a speck
        ("q)", "(2)", "3)", "(4)", "()", "(6)"),  # a fax: three of six misread
        ("q1}", "(2)", "`)", "4", "@)", "(6)"),  # an office scan: its brackets misread too
        ("(4)", "(5)", "(6)", "(7)"),  # the columns of a table cut before
        ("(1)", "", "(2)", "(3)"),  # an empty cell under a merged head
        ("q}", "(2)", "", "(4)", "@G)", "(6)"),  # an office scan: '(3)' lost, its cell empty
    ],
)
def test_it_knows_a_row_that_numbers_the_columns(row):
    assert numbers_columns(row)


@pytest.mark.parametrize(
    "row",
    [
        ("1", "Rà soát văn bản", "Văn phòng"),
        ("1", "3", "2"),
        ("a", "b", "c"),
        ("(1)", "(2)"),
        ("q)", "()", "(@)", "(4)"),  # most of it unreadable: nothing to go by
    ],
)
def test_it_takes_no_other_row_for_it(row):
    assert not numbers_columns(row)
