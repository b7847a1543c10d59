"""A developer opens the API's documentation page: Swagger UI runs from our own files, under the
site's Content-Security-Policy (no CDN, no inline script), and lists every operation."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_docs_page_renders_under_the_csp_without_a_cdn(live_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(f"{live_server.url}/api/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/espacios").first).to_be_visible(
        timeout=15000
    )
    expect(page.get_by_text("/api/v1/espacios/{slug}/asistencias")).to_be_visible()
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requested)
    assert page.console_errors == []
