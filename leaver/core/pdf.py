"""HTML to PDF with WeasyPrint, able to load nothing but the app's own static files."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Pages are rendered against this made-up origin so that "/static/…" resolves to a URL we
# recognise; nothing is ever requested from it.
BASE_URL = "https://leaver.invalid/"


class RefusedResource(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Serves /static/… from the app's own files and refuses everything else: no network,
    no file: URLs, no data leaving through an <img src> a user managed to write."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        prefix = BASE_URL.rstrip("/") + settings.STATIC_URL
        if not url.startswith(prefix):
            raise RefusedResource(f"Refused to fetch {url!r} while rendering a PDF.")
        relative = url[len(prefix):].split("?", 1)[0].split("#", 1)[0]
        if ".." in Path(relative).parts:
            raise RefusedResource("Refused a path outside the static files.")
        found = finders.find(relative)
        if not found or isinstance(found, list):
            raise RefusedResource(f"No static file {relative!r}.")
        mime, _ = mimetypes.guess_type(found)
        return URLFetcherResponse(
            url, body=Path(found).read_bytes(),
            headers={"Content-Type": mime or "application/octet-stream"},
        )


def render_pdf(html: str) -> bytes:
    pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()
    return bytes(pdf)
