"""Error pages speak Vietnamese and say why and what to do: 403 names the role that may do it and the roles the
user holds, 404 says the object is not there or not the user's to see, both with the menu; 400 and 500 are plain
pages that need no database."""

from __future__ import annotations

import sys
import types

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import Client
from django.urls import path, reverse

import cchc.urls


def test_it_says_which_role_may_edit_a_plan(client, plan, agency_officer):
    client.force_login(agency_officer)
    response = client.get(reverse("plans-edit", args=[plan.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không có quyền làm việc này" in page
    assert "Chỉ cán bộ thường trực CCHC của đơn vị được sửa kế hoạch." in page
    assert "Cán bộ cơ quan, đơn vị</strong> tại Trung tâm Phục vụ hành chính công" in page
    assert reverse("plans-list") in page and "Đăng xuất" in page  # the menu


def test_it_gives_a_reason_where_the_view_gave_none_before(client, plan, leader):
    client.force_login(leader)
    response = client.post(reverse("figures-bind", args=[plan.pk]))
    assert response.status_code == 403
    assert "Chỉ cán bộ thường trực CCHC của đơn vị được làm việc này." in response.content.decode()


def test_it_says_a_plan_of_another_unit_is_not_there_or_not_yours(client, plan, other_commune_officer):
    client.force_login(other_commune_officer)
    response = client.get(reverse("plans-detail", args=[plan.pk]))
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang này" in page
    assert "thuộc đơn vị mà tài khoản của bạn không được xem" in page
    assert reverse("plans-search") in page and reverse("plans-list") in page


def test_it_answers_an_unknown_address_in_vietnamese(client, officer):
    client.force_login(officer)
    response = client.get("/khong-co-trang-nay/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang này" in page and "Resolver404" not in page


def test_it_shows_the_reason_a_404_gave(client, plan, officer):
    client.force_login(officer)
    response = client.get(reverse("plans-file", args=[plan.pk]))
    assert response.status_code == 404
    assert "Kế hoạch này không có tệp gốc." in response.content.decode()


@pytest.fixture
def failing_urls(settings):
    """The project's URLs plus two that fail, to see the 400 and 500 pages as a visitor would."""

    def boom(request):
        raise RuntimeError("boom")

    def suspicious(request):
        raise SuspiciousOperation("bad")

    module = types.ModuleType("tests.web.failing_urls")
    module.urlpatterns = [path("hong/", boom), path("nghi-ngo/", suspicious), *cchc.urls.urlpatterns]
    for name in ("handler400", "handler403", "handler404", "handler500"):
        setattr(module, name, getattr(cchc.urls, name))
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    yield
    del sys.modules[module.__name__]


def test_it_shows_a_plain_vietnamese_page_on_a_server_error(failing_urls, officer):
    client = Client(raise_request_exception=False)
    client.force_login(officer)
    response = client.get("/hong/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống gặp lỗi" in page and "báo quản trị hệ thống" in page
    assert "boom" not in page


def test_it_shows_a_plain_vietnamese_page_on_a_bad_request(failing_urls, officer):
    client = Client(raise_request_exception=False)
    client.force_login(officer)
    response = client.get("/nghi-ngo/")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()
