"""Guessing passwords is slowed down everywhere one can sign in: 5 failures lock an account and 20 an address for
15 minutes, on the login page, the API and the admin; password-reset e-mails are limited too. The person is told
in Vietnamese when to try again."""

import datetime as dt
import re

import time_machine
from django.contrib.auth import authenticate
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from tests.web.conftest import PASSWORD

LOCKED = re.compile(r"Bạn đã nhập sai quá nhiều lần\. Hãy thử lại sau (\d+) phút \(lúc (\d\d:\d\d)\)\.")


def login(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def api_login(client, username, password, address="10.0.0.1"):
    return client.post(
        "/api/auth/token",
        {"username": username, "password": password},
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_it_locks_an_account_after_five_wrong_passwords_and_says_when_to_try_again(client, officer):
    for _ in range(4):
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in login(client, "kesat.vhxh", "sai").content.decode()

    fifth = login(client, "kesat.vhxh", "sai").content.decode()
    right_password = login(client, "kesat.vhxh", PASSWORD, address="10.0.0.2")

    assert LOCKED.search(fifth).group(1) == "15"
    until = timezone.localtime(timezone.now() + dt.timedelta(minutes=15)).strftime("%H:%M")
    assert LOCKED.search(fifth).group(2) == until
    assert right_password.status_code == 200 and LOCKED.search(right_password.content.decode())
    assert "_auth_user_id" not in client.session


def test_it_lets_the_account_in_again_after_the_window(client, officer):
    for _ in range(5):
        login(client, "kesat.vhxh", "sai")

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=10)):
        later = login(client, "kesat.vhxh", PASSWORD)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        after = login(client, "kesat.vhxh", PASSWORD)

    assert LOCKED.search(later.content.decode()).group(1) == "5"
    assert after.status_code == 302


def test_it_locks_an_address_after_twenty_failures_over_many_accounts(client, officer, agency_officer):
    for n in range(20):
        login(client, f"khong-co-{n}", "sai", address="10.9.9.9")

    from_there = login(client, "kesat.pvhcc", PASSWORD, address="10.9.9.9")
    elsewhere = login(Client(), "kesat.pvhcc", PASSWORD, address="10.9.9.10")

    assert LOCKED.search(from_there.content.decode())
    assert elsewhere.status_code == 302


def test_it_answers_429_with_retry_after_on_the_api(client, officer):
    for _ in range(4):
        assert api_login(client, "kesat.vhxh", "sai").status_code == 401

    locked = api_login(client, "kesat.vhxh", "sai")
    still = api_login(client, "kesat.vhxh", PASSWORD, address="10.0.0.3")

    for response in (locked, still):
        assert response.status_code == 429
        assert LOCKED.fullmatch(response.json()["detail"])
        assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60
    assert not ApiToken.objects.exists()


def test_it_counts_the_page_the_api_and_the_admin_together(client, officer):
    login(client, "kesat.vhxh", "sai")
    api_login(client, "kesat.vhxh", "sai")
    client.post(reverse("admin:login"), {"username": "kesat.vhxh", "password": "sai"}, REMOTE_ADDR="10.0.0.1")
    login(client, "kesat.vhxh", "sai")

    admin = client.post(reverse("admin:login"), {"username": "kesat.vhxh", "password": "sai"}, REMOTE_ADDR="10.0.0.1")

    assert LOCKED.search(admin.content.decode())
    assert api_login(client, "kesat.vhxh", PASSWORD).status_code == 429


def test_it_limits_password_reset_emails(client, officer):
    for _ in range(3):
        response = client.post(reverse("password_reset"), {"email": officer.email}, REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 302

    fourth = client.post(reverse("password_reset"), {"email": officer.email.upper()}, REMOTE_ADDR="10.0.0.2")

    assert len(mail.outbox) == 3
    assert re.search(
        r"Bạn đã yêu cầu gửi thư đặt lại mật khẩu quá nhiều lần\. Hãy thử lại sau 15 phút", fourth.content.decode()
    )


def test_it_limits_reset_emails_from_one_address_whatever_the_email(client, officer):
    for n in range(10):
        client.post(reverse("password_reset"), {"email": f"nguoi{n}@example.vn"}, REMOTE_ADDR="10.0.0.7")

    refused = client.post(reverse("password_reset"), {"email": officer.email}, REMOTE_ADDR="10.0.0.7")

    assert refused.status_code == 200 and "Hãy thử lại sau" in refused.content.decode()
    assert mail.outbox == []


def test_it_reads_the_address_from_the_proxy_header_when_told_to(client, officer, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for n in range(20):
        client.post(
            reverse("login"),
            {"username": f"khong-co-{n}", "password": "sai"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, 203.0.113.{n % 2}",
        )

    other_client = client.post(
        reverse("login"),
        {"username": "kesat.vhxh", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )

    assert other_client.status_code == 302


def test_it_writes_failures_and_one_refusal_per_lock_to_the_audit_log(client, officer):
    for _ in range(8):
        login(client, "kesat.vhxh", "sai")

    assert AuditEntry.objects.filter(action="login.failed").count() == 5
    refused = AuditEntry.objects.get(action="login.throttled")
    assert refused.object_id == str(officer.pk) and refused.unit.code == "ke-sat" and refused.user is None
    assert refused.after == {"username": "kesat.vhxh", "address": "10.0.0.1"}
    assert "tạm khóa" in refused.summary


def test_it_counts_an_impossible_user_name_as_a_failure_instead_of_failing(client, officer, rf):
    for name in ("kesat\x00vhxh", "x" * 5000):
        response = api_login(client, name, "sai")  # the API refuses such a name before trying it
        assert response.status_code == 422
        assert "username" in response.json()["detail"]
        assert authenticate(rf.post("/dang-nhap/"), username=name, password="sai") is None

    entries = AuditEntry.objects.filter(action="login.failed").order_by("pk")
    assert [len(e.after["username"]) for e in entries] == [10, 150]
    assert "\x00" not in entries[0].after["username"]
