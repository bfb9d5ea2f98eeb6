"""A sentence of the plan that names a catalogue's columns ('Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và
thời hạn hoàn thành tại Phụ lục II') is prose, not the header of a table its text flattened: the parts after
it are no task rows."""

from importer.model import Block, Document, Location, Table
from importer.table_lines import is_header_line
from importer.tables import recover_tables

BODY = """
II. CHỈ TIÊU
Các chỉ tiêu cải cách hành chính năm 2026 của Sở tại Phụ lục
I kèm theo Kế hoạch này.
III. NHIỆM VỤ
Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời hạn hoàn thành
tại Phụ lục II kèm theo.
IV. TỔ CHỨC THỰC HIỆN
"""


def test_it_takes_no_table_from_a_sentence_naming_the_columns():
    lines = BODY.strip().splitlines()
    document = Document(items=tuple(Block(line, Location(line=n)) for n, line in enumerate(lines, start=1)))
    assert not any(isinstance(item, Table) for item in recover_tables(document).items)


def test_it_still_knows_a_header_line_that_lists_two_columns():
    assert is_header_line("TT Nội dung công việc Cơ quan chủ trì, phối hợp")
    assert not is_header_line("nhiệm vụ có cơ quan chủ trì, thời hạn và sản phẩm cụ thể.")
