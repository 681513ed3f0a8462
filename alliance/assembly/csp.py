"""The Content-Security-Policy of every page and map document, as a `<meta http-equiv>` (GitHub
Pages sends no headers): an injection that slipped past every other defence does not run.

Scripts run only from the site's own files and from the inline scripts the site itself wrote,
each allowed by the SHA-256 of its text; no `unsafe-inline`, no `unsafe-eval`. The hashes are
taken from the final HTML, once every other step of the build has written it (the theme's
templates, the 404 pages, Material's patched script), so that a change of a template needs no
change here. A page that loads Pagefind (the search page) may also compile WebAssembly, which
Pagefind's engine is. Images come from the site, from `data:` addresses (Material's icons) and
from the map's tile host. No page may change its base address to another site, nor load a
plug-in.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

TILE_HOST = "https://tile.openstreetmap.org"
# The script types a browser runs (the HTML standard's JavaScript MIME types, "module" and none).
_RUN_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
# Where the policy goes: right after <head>, or, in a document without one, after its doctype (the
# parser then opens the head for it).
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_DOCTYPE = re.compile(r"\A(?:\ufeff?\s*<!doctype[^>]*>)?", re.I)
META_START = '<meta http-equiv="Content-Security-Policy" content="'


class _Scripts(HTMLParser):
    """The text of each inline script a browser would run, as written in the document."""

    def __init__(self) -> None:
        # A script's text reaches handle_data raw and whole (HTMLParser reads a script as CDATA,
        # up to its end tag): no character reference in it is converted.
        super().__init__()
        self.inline: list[str] = []
        self.sources: list[str] = []
        self._current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        source = attributes.get("src")
        if source is not None:
            self.sources.append(source)
        elif (attributes.get("type") or "").strip().lower() in _RUN_TYPES:
            self._current = ""

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.inline.append(self._current)
            self._current = None


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(inline_scripts: Iterable[str], compiles_webassembly: bool) -> str:
    hashes = sorted({script_hash(text) for text in inline_scripts})
    script_src = ["'self'", *hashes, *(["'wasm-unsafe-eval'"] if compiles_webassembly else [])]
    return "; ".join(
        (
            "script-src " + " ".join(script_src),
            f"img-src 'self' data: {TILE_HOST}",
            "base-uri 'self'",
            "object-src 'none'",
        )
    )


def with_policy(document: str) -> str:
    """The document with its policy first in its <head> (a policy only governs what follows it)."""
    parser = _Scripts()
    parser.feed(document)
    parser.close()
    wasm = any(re.search(r"(^|/)pagefind/", source) for source in parser.sources)
    meta = f'{META_START}{policy(parser.inline, wasm)}">'
    place = _HEAD.search(document) or _DOCTYPE.match(document)
    assert place is not None  # _DOCTYPE matches the empty start of any text
    return document[: place.end()] + meta + document[place.end() :]


def secure_site(site_dir: Path) -> int:
    """Writes the policy into every HTML file of the built site; returns how many."""
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        page.write_text(with_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
    return len(pages)
