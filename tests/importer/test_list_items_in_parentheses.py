"""Goals listed as '(1) …', '(2) …' and a target wrapped so that its figure stands alone on the next line
('… đạt' / '100%;') are read as targets."""

from importer.markers import find_marker
from importer.model import Block, Document, Location, Meta
from importer.targets import extract_targets

TEXT = """KẾ HOẠCH
II. MỤC TIÊU
(1) Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;

(2) Tỷ lệ bệnh viện triển khai bệnh án điện tử đạt
100%;

(3) Phát triển tối thiểu 10 doanh nghiệp công nghệ số;
III. NHIỆM VỤ
"""


def test_it_takes_a_number_in_parentheses_for_a_list_marker():
    marker, _, body = find_marker("(12) Tỷ lệ người dân có hồ sơ học tập điện tử")
    assert (marker, body) == ("(12)", "Tỷ lệ người dân có hồ sơ học tập điện tử")


def test_it_reads_each_item_and_a_figure_wrapped_to_the_next_line():
    lines = TEXT.splitlines()
    document = Document(items=tuple(Block(line, Location(line=n)) for n, line in enumerate(lines, start=1) if line))
    targets, _ = extract_targets(document, Meta(period_start="2026-01", period_end="2030-12"))
    assert [(t.text, t.value, t.unit, t.comparator) for t in targets] == [
        ("Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;", 30.0, "%", ">="),
        ("Tỷ lệ bệnh viện triển khai bệnh án điện tử đạt 100%;", 100.0, "%", "="),
        ("Phát triển tối thiểu 10 doanh nghiệp công nghệ số;", 10.0, "doanh nghiệp", ">="),
    ]
