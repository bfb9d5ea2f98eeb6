"""The interactive API docs load Swagger UI from our own static files, never from a CDN."""

import re

from django.contrib.staticfiles import finders


def test_it_references_only_local_static_files(client, db):
    response = client.get("/api/docs")

    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls)
    assert any(url.endswith("swagger-ui.css") for url in urls)
    for url in urls:
        assert url.startswith("/static/"), url
        assert finders.find(url.removeprefix("/static/")), url
    assert "//" not in "".join(urls)
    assert "cdn" not in html.lower()
