"""The city reviewer adds and removes criteria of a framework in the browser: a sub-criterion added with points
taken from its sibling is saved (versioned, audited) where its code puts it; a removal or an addition that leaves a
total off is refused saying which total, with nothing changed and what was typed kept; a framework an opened year
uses is not changed in place, and is copied into a new version to edit instead."""

import datetime as dt
from decimal import Decimal

from apps.audit.models import AuditEntry
from apps.par import frameworks, services
from apps.par.models import Criterion, Framework


def _edit_url(framework):
    return f"/chi-so-cchc/bo-tieu-chi/{framework.pk}/sua/"


def test_it_adds_a_sub_criterion_when_the_totals_still_add_up(client, reviewer):
    framework = frameworks.load_sample()
    first = Criterion.objects.get(framework=framework, code="1.1.1")
    client.force_login(reviewer)
    response = client.post(
        _edit_url(framework),
        {
            "version": framework.version,
            f"max_points-{first.pk}": "0,5",
            "new-0-code": "1.1.3",
            "new-0-title": "Công khai kế hoạch CCHC trên trang thông tin điện tử",
            "new-0-max_points": "0,5",
            "new-0-method": "all_or_nothing",
            "new-0-evidence": "Đường dẫn bài đăng",
            "new-0-groups": ["communes"],
            "new-1-code": "",
        },
    )
    assert response.status_code == 302
    added = Criterion.objects.get(framework=framework, code="1.1.3")
    assert (added.parent.code, added.max_points, added.method, added.groups, added.part) == (
        "1.1",
        Decimal("0.5"),
        "all_or_nothing",
        ["communes"],
        "main",
    )
    codes = [n.code for n in framework.nodes()]
    assert codes[codes.index("1.1.2") + 1] == "1.1.3"
    assert frameworks.check_framework(framework) == []
    assert Framework.objects.get(pk=framework.pk).version == framework.version + 1
    entry = AuditEntry.objects.get(action="par.framework_edited")
    assert entry.after == {"added": ["1.1.3"], "removed": [], "changed": ["1.1.1"]}


def test_it_refuses_a_removal_or_an_addition_that_leaves_a_total_off(client, reviewer):
    framework = frameworks.load_sample()
    second = Criterion.objects.get(framework=framework, code="1.1.2")
    before = Criterion.objects.filter(framework=framework).count()
    client.force_login(reviewer)
    page = client.post(
        _edit_url(framework), {"version": framework.version, f"remove-{second.pk}": "1"}
    ).content.decode()
    assert "1.1: các tiêu chí con cộng lại 1 điểm, khác điểm tối đa 3." in page
    assert f'name="remove-{second.pk}" value="1" aria-label="Bỏ 1.1.2" checked' in page

    page = client.post(
        _edit_url(framework),
        {
            "version": framework.version,
            "new-0-code": "9",
            "new-0-part": "main",
            "new-0-title": "Nội dung mới",
            "new-0-max_points": "5",
            "new-3-code": "7.9.1",
            "new-3-title": "Dưới tiêu chí chưa có",
            "new-3-max_points": "1",
        },
    ).content.decode()
    assert "Mã 7.9.1 nằm dưới 7.9 nhưng tiêu chí 7.9 chưa có." in page
    assert 'value="Dưới tiêu chí chưa có"' in page or "Dưới tiêu chí chưa có</textarea>" in page
    page = client.post(
        _edit_url(framework),
        {"version": framework.version, "new-0-code": "9", "new-0-title": "Nội dung mới", "new-0-max_points": "5"},
    ).content.decode()
    assert "Các nội dung chấm điểm cộng lại 105 điểm, phải đúng 100 điểm." in page
    assert Criterion.objects.filter(framework=framework).count() == before
    assert not AuditEntry.objects.filter(action="par.framework_edited").exists()


def test_it_removes_a_content_with_what_is_under_it_and_adds_another(client, reviewer):
    framework = frameworks.load_sample()
    eight = Criterion.objects.get(framework=framework, code="8")
    client.force_login(reviewer)
    response = client.post(
        _edit_url(framework),
        {
            "version": framework.version,
            f"remove-{eight.pk}": "1",
            "new-0-code": "9",
            "new-0-part": "main",
            "new-0-title": "Thực hiện chính quyền số cấp xã",
            "new-0-max_points": str(eight.max_points),
            "new-0-method": "manual",
        },
    )
    assert response.status_code == 302
    codes = [n.code for n in framework.nodes()]
    assert "8" not in codes and "8.1" not in codes and codes[codes.index("7.5") + 1] == "9"
    assert frameworks.check_framework(framework) == []


def test_it_copies_a_framework_an_opened_year_uses_instead_of_changing_it(client, reviewer):
    framework = frameworks.load_sample()
    services.open_year(2025, dt.date(2099, 1, 1), {"communes": framework}, reviewer)
    first = Criterion.objects.get(framework=framework, code="1.1.1")
    client.force_login(reviewer)
    assert "Tạo phiên bản mới để sửa" in client.get(f"/chi-so-cchc/bo-tieu-chi/{framework.pk}/").content.decode()
    page = client.post(
        _edit_url(framework), {"version": framework.version, f"title-{first.pk}": "Khác"}
    ).content.decode()
    assert "đã được dùng cho một năm đánh giá đã mở" in page and "Sao chép để sửa" in page
    assert Criterion.objects.get(pk=first.pk).title != "Khác"

    taken = client.post(
        f"/chi-so-cchc/bo-tieu-chi/{framework.pk}/sao-chep/", {"decision_number": "MẪU", "year": "2025"}, follow=True
    )
    assert "Đã có bộ tiêu chí theo quyết định MẪU năm 2025" in taken.content.decode()
    response = client.post(
        f"/chi-so-cchc/bo-tieu-chi/{framework.pk}/sao-chep/", {"decision_number": "15/QĐ-UBND", "year": "2026"}
    )
    copy = Framework.objects.get(decision_number="15/QĐ-UBND", year=2026)
    assert response["Location"] == _edit_url(copy)
    assert [n.code for n in copy.nodes()] == [n.code for n in framework.nodes()]
    assert frameworks.check_framework(copy) == [] and not copy.in_use()
    assert AuditEntry.objects.filter(action="par.framework_copied").count() == 1
