"""What a reader downloads: the gzip size of a built page with the files it loads.

Static web hosts (GitHub Pages among them) send HTML, CSS, JavaScript and JSON gzip-compressed,
so the compressed size is what a reader on mobile data pays. What a page costs is measured from
the addresses the browser really requested (tests/quality/), each counted once; the search index
is measured apart, per language: it is fetched only by a search.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from alliance.builtsite.parse import BuiltSite, css_urls, parse_page

SEARCH_BUNDLE = Path("pagefind")


def gzip_size(data: bytes) -> int:
    # Level 9, gzip.compress's own, is what static hosts approach.
    return len(gzip.compress(data))


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
    """The page's HTML, its scripts, styles, images and frames, and what its styles load, once each,
    read from the files without a browser (the benchmark's estimate; what scripts fetch is not
    seen: the quality checks use requests_weight).

    A missing file is left out: the link check reports it.
    """
    seen: list[Path] = []
    _collect(site, page, seen)
    files = tuple(_file_weight(site, path) for path in seen)
    return PageWeight(page.relative_to(site.root).as_posix(), files)


def _collect(site: BuiltSite, file: Path, seen: list[Path]) -> None:
    if file in seen:
        return
    seen.append(file)
    if file.suffix == ".html":
        urls = [r.url for r in parse_page(_text(file)).references if r.loads]
    elif file.suffix == ".css":
        urls = list(css_urls(_text(file)))
    else:
        return
    for url in urls:
        if site.is_internal(url):
            target = site.resolve(url, file).file
            if target is not None:
                _collect(site, target, seen)


def _text(file: Path) -> str:
    # A byte that is not UTF-8 is the link check's business, not a reason to stop weighing.
    return file.read_bytes().decode(errors="replace")


def _file_weight(site: BuiltSite, path: Path) -> FileWeight:
    data = path.read_bytes()
    return FileWeight(path.relative_to(site.root).as_posix(), len(data), gzip_size(data))


def requests_weight(site: BuiltSite, page: str, urls: Iterable[str]) -> PageWeight:
    """What the browser requested while showing `page` (frames, lazy images, fonts, scripts'
    fetches, absolute addresses of the site), as the files of the site served there, each once.
    `site` is the site at the address it was served from; an address it has no file for is left
    out (the failed-request check reports it), and so is every other host's."""
    files: list[Path] = []
    for url in urls:
        if site.is_internal(url):
            target = site.resolve(url, site.root / "index.html").file
            if target is not None and target not in files:
                files.append(target)
    return PageWeight(page, tuple(_file_weight(site, path) for path in files))


@dataclass(frozen=True)
class SearchIndexWeight:
    language: str
    pages: int
    files: int
    gzip: int  # the whole index of the language; a query fetches only some of its chunks


def search_index_weights(site: BuiltSite) -> tuple[SearchIndexWeight, ...]:
    """Each language's Pagefind index: its metadata, index chunks and page fragments (none for a
    site built without the hooks, which run Pagefind)."""
    bundle = site.root / SEARCH_BUNDLE
    if not (bundle / "pagefind-entry.json").is_file():
        return ()
    entry = json.loads((bundle / "pagefind-entry.json").read_bytes())
    weights = []
    for language, index in entry["languages"].items():
        files = [bundle / f"pagefind.{index['hash']}.pf_meta"]
        files += sorted((bundle / "index").glob(f"{language}_*")) + sorted((bundle / "fragment").glob(f"{language}_*"))
        weights.append(
            SearchIndexWeight(language, index["page_count"], len(files), sum(gzip_size(f.read_bytes()) for f in files))
        )
    return tuple(weights)
