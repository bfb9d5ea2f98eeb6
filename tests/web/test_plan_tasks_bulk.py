"""A plan written as prose gets its tasks quickly: rows pasted from Excel (tab-separated, a heading row and a
section row among them) or typed one per line are shown to check, then saved after the plan's tasks with their
agencies matched and, for a plan in force, their deadlines read; a bad row is shown, never cut short or saved."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.bulk import BulkError, parse_rows
from apps.plans.models import Task

PASTED = (
    "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm\n"
    "II\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\n"
    "1\tCông khai 100% TTHC trên Cổng dịch vụ công\tTrung tâm Phục vụ hành chính công\tVăn phòng HĐND và UBND"
    "\tQuý II/2026\tDanh mục TTHC\n"
    '2\t"Số hóa hồ sơ,\nkết quả giải quyết TTHC"\tTrung tâm Phục vụ hành chính công\t\tNăm 2026\n'
)


def test_it_reads_pasted_excel_rows():
    rows = parse_rows(PASTED)

    assert [(r.section, r.no, r.lead_text, r.deadline_text) for r in rows] == [
        ("II", "1", "Trung tâm Phục vụ hành chính công", "Quý II/2026"),
        ("II", "2", "Trung tâm Phục vụ hành chính công", "Năm 2026"),
    ]
    assert rows[1].content == "Số hóa hồ sơ,\nkết quả giải quyết TTHC" and not any(r.errors for r in rows)


def test_it_reads_one_task_per_line():
    rows = parse_rows("1. Ban hành kế hoạch tuyên truyền CCHC\n- Kiểm tra công tác CCHC tại các cơ quan\n\n")

    assert [(r.no, r.content) for r in rows] == [
        ("1", "Ban hành kế hoạch tuyên truyền CCHC"),
        ("", "Kiểm tra công tác CCHC tại các cơ quan"),
    ]


def test_it_previews_then_saves_after_the_plans_tasks(client, plan, officer, pvhcc, vanphong):
    client.force_login(officer)
    url = reverse("plans-tasks-add", args=[plan.pk])

    preview = client.post(url, {"text": PASTED, "action": "preview"}).content.decode()
    assert "Xem trước (2 nhiệm vụ)" in preview and "Lưu 2 nhiệm vụ" in preview
    assert Task.objects.filter(plan=plan).count() == 2

    client.post(url, {"text": PASTED, "action": "save"})

    made = list(Task.objects.filter(plan=plan).order_by("position")[2:])
    assert [(t.position, t.section, t.no, t.area) for t in made] == [(3, "II", "1", "tthc"), (4, "II", "2", "tthc")]
    assert made[0].lead == pvhcc and list(made[0].partners.all()) == [vanphong]
    assert made[0].due_on == dt.date(2026, 6, 30) and made[1].due_on == dt.date(2026, 12, 31)
    assert AuditEntry.objects.filter(action="task.create_many", user=officer).exists()


def test_it_shows_a_bad_row_and_saves_nothing(client, plan, officer):
    client.force_login(officer)
    text = "1\t\tVăn phòng\n2\t" + "Rà soát" * 800 + "\n"

    page = client.post(reverse("plans-tasks-add", args=[plan.pk]), {"text": text, "action": "save"}).content.decode()

    assert "Dòng 1 không có nội dung nhiệm vụ." in page
    assert "Dòng 2: nội dung dài 5600 ký tự, quá 5000 ký tự" in page
    assert 'value="save"' not in page  # no save button while a row is wrong
    assert Task.objects.filter(plan=plan).count() == 2


def test_it_says_when_nothing_was_pasted(client, plan, officer):
    client.force_login(officer)

    page = client.post(reverse("plans-tasks-add", args=[plan.pk]), {"text": "\n \n", "action": "preview"})

    assert "Không thấy nhiệm vụ nào" in page.content.decode()


def test_it_lets_only_the_standing_officer_add(client, plan, agency_officer, leader, other_commune_officer):
    for user, status in ((agency_officer, 403), (leader, 403), (other_commune_officer, 404)):
        client.force_login(user)
        response = client.post(reverse("plans-tasks-add", args=[plan.pk]), {"text": PASTED, "action": "save"})
        assert response.status_code == status
    assert Task.objects.filter(plan=plan).count() == 2


def test_it_says_the_limit_and_the_size_of_too_long_a_paste():
    with pytest.raises(BulkError) as refused:
        parse_rows("Rà soát\n" * 3000)

    assert str(refused.value) == (
        "Nội dung dán vào dài 24.000 ký tự, quá giới hạn 20.000 ký tự; hãy chia thành nhiều lần."
    )


PROSE = """KẾ HOẠCH
Cải cách hành chính năm 2026 của xã Kẽ Sắt
I. MỤC TIÊU
1. Nâng cao chất lượng phục vụ người dân, doanh nghiệp.
II. NHIỆM VỤ TRỌNG TÂM
1. Rà soát, hệ thống hóa văn bản quy phạm pháp luật do xã ban hành.
2. Công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội theo dõi, tổng hợp kết quả thực hiện.
"""


def test_it_makes_tasks_from_the_paragraphs_of_a_prose_plan(client, plan, officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan.source_file.save("ke-hoach.txt", ContentFile(PROSE.encode()), save=True)
    client.force_login(officer)
    url = reverse("plans-tasks-add", args=[plan.pk])

    page = client.get(url).content.decode()
    assert "Lấy từ các đoạn của văn bản kế hoạch" in page and "Cổng dịch vụ công" in page
    assert "Phòng Văn hóa - Xã hội theo dõi" not in page  # not in the task part

    preview = client.post(url, {"action": "paragraphs", "paragraph": ["1"]}).content.decode()
    assert "Xem trước (1 nhiệm vụ)" in preview
    assert "2\tCông khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công." in preview  # in the box, to complete

    client.post(url, {"text": "2\tCông khai đầy đủ TTHC\tTrung tâm Phục vụ hành chính công", "action": "save"})
    assert Task.objects.filter(plan=plan, no="2", content="Công khai đầy đủ TTHC").exists()
