"""Reading a built site: what each HTML page links to and loads, and where an address leads.

The quality checks (links, privacy, weight) and the benchmark share this reading of the
output of `mkdocs build`; it parses with the standard library and never fetches anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

# Attributes holding one address, per element.
_URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "iframe": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
# Attributes holding a list of candidates ("a.png 1x, b.png 2x").
_SRCSET_ELEMENTS = ("img", "source")
# <link rel> values that make the browser fetch the address (canonical, alternate, prev... do not).
_LOADING_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "manifest",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
}
# Schemes that name no resource of a server.
_INERT_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass(frozen=True)
class Reference:
    """An address found in a page: `<tag attribute="url">`."""

    tag: str
    attribute: str
    url: str
    rel: tuple[str, ...] = ()
    line: int = 0

    @property
    def loads(self) -> bool:
        """Whether the browser fetches it while showing the page (a link only when followed)."""
        if self.tag == "a" or self.tag == "area":
            return False
        if self.tag == "link":
            return any(rel in _LOADING_RELS for rel in self.rel)
        return True


@dataclass(frozen=True)
class ParsedPage:
    references: tuple[Reference, ...]  # those in <style> and style="" included (tag "style")
    ids: frozenset[str]
    base: str | None = None  # the first <base href>, against which its addresses resolve

    def address(self, reference: Reference) -> str:
        """The reference's address as the browser resolves it: against <base href> when there is one."""
        return urljoin(self.base or "", reference.url)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.references: list[Reference] = []
        self.ids: set[str] = set()
        self.base: str | None = None
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        line = self.getpos()[0]
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        self._in_style = tag == "style"
        if "style" in values:
            self.references += [Reference("style", "style", url, (), line) for url in css_urls(values["style"])]
        rel = tuple(values.get("rel", "").lower().split())
        for attribute in _URL_ATTRIBUTES.get(tag, ()):
            if values.get(attribute, "").strip():
                self.references.append(Reference(tag, attribute, values[attribute].strip(), rel, line))
        if tag in _SRCSET_ELEMENTS and values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.references.append(Reference(tag, "srcset", candidate.split()[0], rel, line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for url in css_urls(data):
                self.references.append(Reference("style", "css", url, (), self.getpos()[0]))


def parse_page(html: str) -> ParsedPage:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return ParsedPage(tuple(parser.references), frozenset(parser.ids), parser.base)


def css_urls(css: str) -> tuple[str, ...]:
    """The addresses a style sheet loads: its url(...) values and @import rules."""
    found = []
    for match in _CSS_URL.finditer(_CSS_COMMENT.sub("", css)):
        # One of the groups matched, though maybe an empty address.
        url = next(group for group in match.groups() if group is not None).strip()
        if url:
            found.append(url)
    return tuple(found)


def is_inert(url: str) -> bool:
    return url.lower().startswith(_INERT_SCHEMES)


def host(url: str) -> str:
    """The host an absolute address goes to ("" for a relative one)."""
    return (urlsplit(url).hostname or "").lower()


@dataclass(frozen=True)
class Target:
    """Where an internal address leads in the built site."""

    url_path: str  # the path on the server, such as /en/declaration/
    file: Path | None  # the file served there, None if there is none
    fragment: str


class BuiltSite:
    """A built site on disk, published at `site_url` (which gives its base path, such as /site/)."""

    def __init__(self, root: Path, site_url: str) -> None:
        self.root = root
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        parts = urlsplit(self.site_url)
        self.scheme = parts.scheme
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.base_path = parts.path  # at least "/": site_url ends with one

    @classmethod
    def from_directory(cls, root: Path) -> BuiltSite:
        """The site's address is the canonical address of its home page (MkDocs writes site_url there)."""
        home = parse_page((root / "index.html").read_bytes().decode())
        canonical = next((r.url for r in home.references if r.tag == "link" and "canonical" in r.rel), None)
        if canonical is None:
            raise ValueError(f"{root / 'index.html'} has no <link rel=canonical>: was site_url set?")
        return cls(root, canonical)

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_path(self, file: Path) -> str:
        """The address path of a file of the site: a page's folder for index.html."""
        relative = file.relative_to(self.root).as_posix()
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        return self.base_path + relative

    def is_internal(self, url: str) -> bool:
        if is_inert(url):
            return False
        parts = urlsplit(url)
        if not parts.netloc:
            return not parts.scheme  # a path of the site; "urn:isbn:..." is no address of it
        # "//host/path" goes to the host with the page's own scheme.
        return f"{parts.scheme or self.scheme}://{parts.netloc}" == self.origin

    def resolve(self, url: str, from_file: Path) -> Target:
        """The file an internal address of the page `from_file` leads to (None when missing)."""
        absolute = urljoin(self.origin + self.url_path(from_file), url)
        parts = urlsplit(absolute)
        path = unquote(parts.path)
        return Target(path, self._file_at(path), unquote(parts.fragment))

    def _file_at(self, path: str) -> Path | None:
        if not path.startswith(self.base_path):
            return None
        relative = PurePosixPath(path[len(self.base_path) :])
        if ".." in relative.parts:
            return None
        candidate = self.root.joinpath(*relative.parts)
        if path.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None
