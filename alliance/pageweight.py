"""What a page of the built site weighs on the wire: the page, the documents of its iframes, and
the scripts and style sheets they load, each gzip-compressed as a web server sends them.

Resources from other hosts (the map tiles) are left out: they are not the site's to slim.
"""

from __future__ import annotations

import gzip
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class PageWeight:
    compressed: dict[str, int]  # path in the site -> gzip size in bytes

    @property
    def total(self) -> int:
        return sum(self.compressed.values())


class _Resources(HTMLParser):
    """The URLs an HTML document loads: scripts, style sheets, iframes (to follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.frames: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.loaded.append(values["src"])
        elif tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.loaded.append(values["href"])
        elif tag == "iframe" and values.get("src"):
            self.frames.append(values["src"])


def _resolve(site_dir: Path, document: str, url: str) -> str | None:
    """The path in the site of `url` seen from `document` (a path in the site); None if elsewhere."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        path = parts.path.lstrip("/")
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(document), parts.path))
    if path in ("", ".") or (site_dir / path).is_dir():
        return posixpath.join("" if path == "." else path, "index.html")
    return path


def page_weight(site_dir: Path, page: str) -> PageWeight:
    """The weight of `page` (a path in the site, such as `en/map/index.html`) and what it loads."""
    compressed: dict[str, int] = {}
    documents = [page]
    while documents:
        document = documents.pop(0)
        if document in compressed:
            continue
        raw = (site_dir / document).read_bytes()
        compressed[document] = len(gzip.compress(raw, compresslevel=6, mtime=0))
        parser = _Resources()
        parser.feed(raw.decode("utf-8"))
        for url in parser.loaded:
            path = _resolve(site_dir, document, url)
            if path is not None and path not in compressed:
                compressed[path] = len(gzip.compress((site_dir / path).read_bytes(), compresslevel=6, mtime=0))
        documents += [path for url in parser.frames if (path := _resolve(site_dir, document, url)) is not None]
    return PageWeight(compressed)


# The map page, its map document and their scripts and styles, tiles excluded (issue 4).
MAP_BUDGET = 250_000


def map_page_path(language: str, default_language: str) -> str:
    """The built map page of `language` (content/map.md, one folder per language but the default)."""
    return "map/index.html" if language == default_language else f"{language}/map/index.html"
