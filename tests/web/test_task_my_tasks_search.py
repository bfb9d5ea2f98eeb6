"""Searching "my tasks" (``?q=``) ignores diacritics and case, as the other lists do, and says "không tìm thấy"
rather than "nothing left to do" when nothing matches."""

import datetime as dt
import io

import time_machine
from django.urls import reverse
from openpyxl import load_workbook


def search(client, user, query: str) -> str:
    with time_machine.travel(dt.datetime(2026, 12, 20, 9, 0)):
        client.force_login(user)
        return client.get(reverse("tracking-my-tasks"), {"q": query}).content.decode()


def test_it_finds_a_task_without_diacritics_or_capitals(client, plan, officer):
    for query in ("ra soat thu tuc", "THỦ TỤC", "đơn giản"):
        html = search(client, officer, query)
        assert "Rà soát, đơn giản hóa thủ tục hành chính" in html, query
        assert "Rà soát văn bản quy phạm pháp luật" not in html, query


def test_it_finds_a_task_by_its_lead(client, plan, officer):
    html = search(client, officer, "van phong hdnd")
    assert "Rà soát văn bản quy phạm pháp luật" in html
    assert "Rà soát, đơn giản hóa thủ tục hành chính" not in html


def test_it_says_nothing_was_found(client, plan, officer):
    html = search(client, officer, "chuyển đổi số")
    assert "Không tìm thấy nhiệm vụ nào có “chuyển đổi số”" in html
    assert "Không tìm thấy nhiệm vụ chưa hoàn thành nào có “chuyển đổi số”" in html
    assert "Không còn nhiệm vụ nào chưa hoàn thành" not in html
    assert "Rà soát" not in html.split('id="overdue"')[1]


def test_it_downloads_what_the_search_found(client, plan, officer):
    html = search(client, officer, "thu tuc")
    assert "q=thu%20tuc&amp;xuat=xlsx" in html

    response = client.get(reverse("tracking-my-tasks"), {"q": "thu tuc", "xuat": "xlsx"})

    rows = list(load_workbook(io.BytesIO(response.content))["Chưa hoàn thành"].iter_rows(values_only=True))
    assert rows[0][0] == "Nhiệm vụ của tôi có “thu tuc”: Chưa hoàn thành"
    tasks = [row[1] for row in rows if row[0] in ("I.1", "II.1")]
    assert tasks == ["Rà soát, đơn giản hóa thủ tục hành chính"]
