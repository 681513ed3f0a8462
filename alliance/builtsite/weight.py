"""What a reader downloads: the gzip size of a built page with the files it loads.

Static web hosts (GitHub Pages among them) send HTML, CSS, JavaScript and JSON gzip-compressed,
so the compressed size is what a reader on mobile data pays. The search index is measured apart:
Material's search loads it in the background, one file for every language.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from alliance.builtsite.parse import BuiltSite, css_urls, parse_page

SEARCH_INDEX = Path("search") / "search_index.json"


def gzip_size(data: bytes) -> int:
    # mtime=0: the size must not depend on the clock (and gzip -9 is what static hosts approach).
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@dataclass(frozen=True)
class FileWeight:
    path: str  # relative to the site's root
    raw: int
    gzip: int


@dataclass(frozen=True)
class PageWeight:
    page: str
    files: tuple[FileWeight, ...]  # the page first, then what it loads

    @property
    def gzip(self) -> int:
        return sum(f.gzip for f in self.files)

    @property
    def raw(self) -> int:
        return sum(f.raw for f in self.files)


def page_weight(site: BuiltSite, page: Path) -> PageWeight:
    """The page's HTML, its scripts, styles, images and frames, and what its styles load, once each.

    A missing file is left out: the link check reports it.
    """
    seen: dict[Path, None] = {}
    _collect(site, page, seen)
    files = tuple(_file_weight(site, path) for path in seen)
    return PageWeight(page.relative_to(site.root).as_posix(), files)


def _collect(site: BuiltSite, file: Path, seen: dict[Path, None]) -> None:
    if file in seen:
        return
    seen[file] = None
    text = file.read_text(encoding="utf-8", errors="replace") if file.suffix in (".html", ".css") else ""
    if file.suffix == ".html":
        urls = [r.url for r in parse_page(text).references if r.loads]
    elif file.suffix == ".css":
        urls = list(css_urls(text))
    else:
        return
    for url in urls:
        if site.is_internal(url):
            target = site.resolve(url, file).file
            if target is not None:
                _collect(site, target, seen)


def _file_weight(site: BuiltSite, path: Path) -> FileWeight:
    data = path.read_bytes()
    return FileWeight(path.relative_to(site.root).as_posix(), len(data), gzip_size(data))


@dataclass(frozen=True)
class SearchIndexWeight:
    language: str
    documents: int
    raw: int
    gzip: int


def search_index_weights(site: BuiltSite, languages: tuple[str, ...], default_language: str) -> tuple[SearchIndexWeight, ...]:
    """The share of each language in the one search index (pages under /LANG/, the rest default).

    Every language's reader downloads the whole file: its total is the sum of the shares.
    """
    index = json.loads((site.root / SEARCH_INDEX).read_text(encoding="utf-8"))
    shares: dict[str, list] = {language: [] for language in languages}
    for document in index["docs"]:
        prefix = document["location"].split("/", 1)[0]
        shares[prefix if prefix in shares and prefix != default_language else default_language].append(document)
    weights = []
    for language, documents in shares.items():
        data = json.dumps({"config": index["config"], "docs": documents}, ensure_ascii=False).encode()
        weights.append(SearchIndexWeight(language, len(documents), len(data), gzip_size(data)))
    return tuple(weights)
