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


def test_a_departments_field_does_not_make_a_procedure_target_one_of_its_services():
    """'lĩnh vực y tế' names the field of the department's procedures (tests/fixtures/other-unseen5, Sở Y tế):
    the target is about procedures; satisfaction with public health services stays one of the apparatus."""
    assert topic_of("100% thủ tục hành chính lĩnh vực y tế được công khai đầy đủ, đúng quy định.") == Area.TTHC
    assert topic_of("Mức độ hài lòng của người dân đối với dịch vụ y tế công đạt từ 90% trở lên.") == Area.BO_MAY


def test_it_puts_a_public_units_financial_autonomy_under_public_finance():
    """tests/fixtures/other-unseen6, tỉnh Cà Mau: 'đơn vị sự nghiệp công lập' is no longer the apparatus when the
    target is their financial autonomy."""
    text = "100% đơn vị sự nghiệp công lập được giao quyền tự chủ tài chính theo quy định."
    assert topic_of(text) == Area.TAI_CHINH_CONG


def test_it_puts_documents_sent_electronically_under_digital_government():
    """tests/fixtures/other-unseen6, Sở Văn hóa, Thể thao và Du lịch tỉnh Vĩnh Long: the documents an office sends
    on the electronic environment; what firms do there is the digital economy, none of the seven areas."""
    text = "Phấn đấu 100% văn bản đi của Sở được ký số và gửi trên môi trường điện tử, trừ văn bản mật."
    assert topic_of(text) == Area.CHINH_PHU_SO
    assert topic_of("Tỷ lệ doanh nghiệp công bố hợp chuẩn, hợp quy trên môi trường điện tử đạt 100%;") is None


def test_it_puts_the_digitised_results_of_procedures_under_digital_government():
    """tests/fixtures/other-unseen6 (xã Hiệp Thạnh) and other-pdf (Sở Tư pháp Bắc Ninh): the results of handled
    procedures digitised are a store of data, digital government; a dossier digitised when it is received stays
    part of handling the procedure."""
    text = "Tỷ lệ hồ sơ được số hóa kết quả giải quyết thủ tục hành chính đạt trên 80%."
    assert topic_of(text) == Area.CHINH_PHU_SO
    assert topic_of("Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa đạt 90%.") == Area.CHINH_PHU_SO
    assert topic_of("100% hồ sơ thủ tục hành chính được số hóa khi tiếp nhận.") == Area.TTHC


def test_it_puts_satisfaction_not_said_with_what_under_procedures():
    """tests/fixtures/other-unseen7, phường An Khánh: 'Mức độ hài lòng của người dân, doanh nghiệp' without the
    service it rates is the satisfaction the one-stop desk is measured by (Bộ chỉ số 766); with the agencies'
    service ('sự phục vụ của cơ quan hành chính', SIPAS) it stays one of the apparatus."""
    assert topic_of("Mức độ hài lòng của người dân, doanh nghiệp đạt trên 95%.") == Area.TTHC
    text = "Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt từ 92% trở lên."
    assert topic_of(text) == Area.BO_MAY
