"""A count in a goal written as official letters write amounts, the figure with its words in brackets after it
('tổ chức ít nhất 02 (hai) cuộc kiểm tra công vụ'; tests/fixtures/other-unseen7, Sở Nông nghiệp và Môi trường
Quảng Ngãi), is the same count as '02 cuộc': its value the figure, its unit the noun after the brackets."""

from importer.targets import find_figures


def test_it_counts_a_figure_with_its_words_in_brackets():
    figures = find_figures("Tổ chức ít nhất 02 (hai) cuộc kiểm tra công vụ tại các đơn vị trực thuộc.", counts=True)
    assert [(f.value, f.unit, f.comparator) for f in figures] == [(2.0, "cuộc", ">=")]


def test_it_reads_words_of_more_than_one_word():
    figures = find_figures("Tổ chức 12 (mười hai) lớp bồi dưỡng kỹ năng số cho công chức.", counts=True)
    assert [(f.value, f.unit) for f in figures] == [(12.0, "lớp")]


def test_it_still_takes_a_figure_with_a_note_in_brackets_for_no_count():
    """Brackets that hold no words but figures or a reference are not the figure's words."""
    assert find_figures("Ban hành 02 (Phụ lục 1) văn bản hướng dẫn.", counts=True) == []
