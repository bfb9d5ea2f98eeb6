"""A target listed outside any area section takes its area from what it speaks of: the time a procedure takes
to be handled ('Thời gian giải quyết thủ tục cấp giấy chứng nhận đăng ký đầu tư giảm tối thiểu 30%') is about
administrative procedures; agencies using electronic documents ('văn bản điện tử') are digital government."""

from importer.areas import topic_of
from importer.model import Area


def test_it_puts_the_time_a_procedure_takes_under_procedures():
    text = "Thời gian giải quyết thủ tục cấp giấy chứng nhận đăng ký đầu tư giảm tối thiểu 30% so với quy định."
    assert topic_of(text) == Area.TTHC


def test_it_still_puts_a_figure_of_state_budget_under_public_finance():
    assert topic_of("Giảm tối thiểu 10% chi thường xuyên ngân sách so với năm 2025.") == Area.TAI_CHINH_CONG


def test_it_puts_electronic_documents_under_digital_government():
    text = "100% cơ quan hành chính cấp tỉnh, cấp xã sử dụng văn bản điện tử có chữ ký số."
    assert topic_of(text) == Area.CHINH_PHU_SO
