"""The unit tree: the city, its departments and communes with their agencies, former names and merges."""

import datetime as dt

from django.urls import reverse

from apps.units.models import Unit, UnitKind


def test_it_shows_the_city_departments_communes_and_agencies(client, snv, kesat, vhxh, pvhcc, officer):
    client.force_login(officer)
    html = client.get(reverse("units-tree")).content.decode()
    for name in ("Thành phố Hải Phòng", "Sở Nội vụ", "Xã Kẽ Sắt", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ"):
        assert name in html
    assert html.index("Sở, ban, ngành") < html.index("Xã, đặc khu")
    assert "Thường trực CCHC" in html


def test_it_shows_former_names_and_merges(client, city, kesat, officer):
    old = Unit.objects.create(name="Xã Thái Dương", kind=UnitKind.COMMUNE, parent=city, code="thai-duong")
    old.merge_into(kesat, on=dt.date(2025, 7, 1))
    kesat.rename("Xã Kẽ Sắt (mới)", on=dt.date(2025, 7, 1))
    client.force_login(officer)
    html = client.get(reverse("units-tree")).content.decode()
    assert "Tên cũ: Xã Kẽ Sắt (đến 01/07/2025)" in html
    assert "Đã sáp nhập vào" in html and "01/07/2025" in html
    detail = client.get(reverse("units-detail", args=[kesat.pk])).content.decode()
    assert "Sáp nhập từ: Xã Thái Dương" in detail


def test_it_links_only_the_units_a_user_may_open(client, kesat, maodien, officer):
    client.force_login(officer)
    html = client.get(reverse("units-tree")).content.decode()
    assert reverse("units-detail", args=[kesat.pk]) in html
    assert reverse("units-detail", args=[maodien.pk]) not in html
