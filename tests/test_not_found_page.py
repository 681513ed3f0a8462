"""The 404 page's builder (alliance/assembly/notfound.py): whatever its words, they are text of
the page, its links are the configured site's, and its script is the same constant code."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from alliance.assembly.notfound import NotFoundWords, not_found_page

SITE = "https://example.github.io/site/"
LANGUAGES = ("fr", "en", "pt")


class _Reading(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "a":
            self.links.append((values["href"], values["data-path"]))
        self._in_script = tag == "script"

    def handle_endtag(self, tag) -> None:
        self._in_script = False

    def handle_data(self, data) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def read(page: str) -> _Reading:
    reading = _Reading()
    reading.feed(page)
    reading.close()
    return reading


words_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)


def page_with(text: str, site_name: str = "Site") -> str:
    words = tuple(NotFoundWords(code, text, text, text, text, text) for code in LANGUAGES)
    return not_found_page(site_name, SITE, words, "fr")


@given(words_text)
def test_any_word_is_text_and_changes_neither_links_nor_script(text):
    reading = read(page_with(text, text))
    reference = read(page_with("x"))
    assert reading.scripts == reference.scripts
    assert reading.links == reference.links
    assert reading.tags == reference.tags
    assert text in "".join(reading.text)


def test_links_are_the_configured_site_s_with_their_path_for_the_script():
    reading = read(page_with("x"))
    assert reading.links[:3] == [(SITE, "/site/"), (SITE, "/site/"), (SITE + "search/", "/site/search/")]
    assert {href for href, _ in reading.links} == {
        SITE + path for path in ("", "search/", "en/", "en/search/", "pt/", "pt/search/")
    }
    assert all(href == "https://example.github.io" + path for href, path in reading.links)


def test_the_script_reads_the_address_only_to_compare_it():
    (script,) = read(page_with("x")).scripts
    assert re.findall(r"location\.\w+", script) == ["location.pathname"]
    assert "<base" not in script and "fetch" not in script and "document.write" not in script
    assert '"/site/"' in script and '["fr", "en", "pt"]' in script
