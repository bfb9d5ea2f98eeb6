"""A goal for the PAR index as the steps the unit climbs ('Chỉ số cải cách hành chính của tỉnh năm 2026 tăng ít nhất
03 bậc so với năm 2025'; tests/fixtures/other-unseen7, tỉnh Quảng Trị) is a count of steps: 3 'bậc', '>='."""

from importer.targets import find_figures


def test_it_counts_the_steps_an_index_climbs():
    text = "Phấn đấu Chỉ số cải cách hành chính của tỉnh năm 2026 tăng ít nhất 03 bậc so với năm 2025."
    assert [(f.value, f.unit, f.comparator) for f in find_figures(text, counts=True)] == [(3.0, "bậc", ">=")]


def test_it_reads_no_step_in_a_tasks_text():
    """Counts are read in a goal part only (``counts``), not in a task's wording."""
    assert find_figures("Chỉ số cải cách hành chính tăng 03 bậc.") == []
