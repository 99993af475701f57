"""PDFs render for real, and the renderer can fetch nothing but the app's static files."""

from __future__ import annotations

import http.server
import io
import threading

import pytest
from pypdf import PdfReader

from leaver.core.pdf import RefusedResource, StaticOnlyFetcher, render_pdf


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_renders_html_to_a_pdf_with_its_text():
    data = render_pdf("<html><body><p>Dear Jordan, thank you.</p></body></html>")
    assert data.startswith(b"%PDF")
    assert "Dear Jordan, thank you." in pdf_text(data)


def test_fetcher_serves_the_apps_own_static_files():
    response = StaticOnlyFetcher().fetch("https://leaver.invalid/static/leaver/letter.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/secret.png",
    "https://example.org/tracker.png",
    "file:///etc/passwd",
    "https://leaver.invalid/static/../../settings.py",
    "https://leaver.invalid/media/upload.png",
    "data:text/plain,hello",
])
def test_fetcher_refuses_everything_else(url):
    with pytest.raises(RefusedResource):
        StaticOnlyFetcher().fetch(url)


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_rendering_user_content_makes_no_network_request():
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        html = (f'<p>Hello</p><img src="http://127.0.0.1:{port}/beacon.png">'
                f'<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">')
        assert "Hello" in pdf_text(render_pdf(html))
    finally:
        server.shutdown()
    assert _CountingHandler.hits == 0
