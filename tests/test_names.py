"""One name per thing per language (issue 22): the built pages use the form data/names.yaml gives
and none of the others; a link never shows a raw address as its text. A source's own words (its
quotes, their translations and its titles) stay as the source writes them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from alliance.localized import language_prefix
from alliance.paths import DATA_DIR

NAMES = yaml.safe_load((DATA_DIR / "names.yaml").read_text(encoding="utf-8"))["names"]
# Elements whose text is a source's words, or the site's translation of them.
SOURCE_WORDS = {"blockquote", "cite"}
# Elements without an end tag.
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW_ADDRESS = re.compile(r"^\s*(https?://|www\.)\S+\s*$")


class ArticleText(HTMLParser):
    """The text of a page's <article> outside a source's words, and the text of each link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.quoted = 0  # inside a source's words
        self.translation = 0
        self.hidden: list[str] = []  # the elements open that readers are not shown (Pagefind's metadata)
        self.text: list[str] = []
        self.link_texts: list[tuple[str, str]] = []  # (href, text)
        self._link: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if ("hidden" in attributes or self.hidden) and tag not in VOID:
            self.hidden.append(tag)
        if tag in SOURCE_WORDS:
            self.quoted += 1
        if tag == "p" and "am-translation" in (attributes.get("class") or ""):
            self.translation += 1
        if tag == "a":
            self._link, self._href = [], attributes.get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == "article":
            self.depth -= 1
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()
        if tag in SOURCE_WORDS:
            self.quoted -= 1
        if tag == "p" and self.translation:
            self.translation -= 1
        if tag == "a" and self._link is not None:
            self.link_texts.append((self._href, "".join(self._link)))
            self._link = None

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        if self._link is not None:
            self._link.append(data)
        if not self.quoted and not self.translation and not self.hidden:
            self.text.append(data)


def read(page: Path) -> ArticleText:
    parser = ArticleText()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pages_of(site: Path, language: str, languages: tuple[str, ...], default: str) -> list[Path]:
    prefix = language_prefix(language, default)
    others = {code for code in languages if code != default}
    pages = sorted((site / prefix).rglob("index.html"))
    if not prefix:
        pages = [p for p in pages if p.relative_to(site).parts[0] not in others]
    return pages


def test_every_name_lists_its_form_and_the_forms_it_replaces(site_config):
    for entry in NAMES:
        languages = [code for code in entry if code != "thing"]
        assert languages and set(languages) <= set(site_config.codes), entry["thing"]
        for code in languages:
            assert entry[code]["use"] and entry[code]["not"], (entry["thing"], code)
            for pattern in entry[code]["not"]:
                # The form to use is never one of the forms refused.
                assert not re.search(pattern, entry[code]["use"]), (entry["thing"], code, pattern)


@pytest.mark.parametrize("language", ["fr", "en", "es", "pt"])
def test_one_name_per_thing_in_every_page(built_site, site_config, language):
    found = []
    for page in pages_of(built_site, language, site_config.codes, site_config.default_language):
        text = " ".join("".join(read(page).text).split())
        for entry in NAMES:
            for pattern in entry.get(language, {}).get("not", ()):
                for match in re.finditer(pattern, text):
                    context = text[max(0, match.start() - 40) : match.end() + 40]
                    found.append(f"{page.relative_to(built_site)}: {match[0]!r} for {entry['thing']!r}: …{context}…")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["fr", "en", "es", "pt"])
def test_no_link_shows_a_raw_address(built_site, site_config, language):
    raw = [
        f"{page.relative_to(built_site)}: {text.strip()}"
        for page in pages_of(built_site, language, site_config.codes, site_config.default_language)
        for _, text in read(page).link_texts
        if RAW_ADDRESS.match(text)
    ]
    assert not raw, "\n".join(raw)


def test_the_checks_see_a_second_form_and_a_raw_address():
    page = ArticleText()
    page.feed(
        '<article><p>The Migration Alliance met. <a href="https://x.org/a">https://x.org/a</a></p>'
        "<blockquote><p>the Migration Alliance</p></blockquote>"
        '<p class="am-translation">Migration Alliance</p><cite>Migrations Alliance</cite></article>'
    )
    text = "".join(page.text)
    assert text.count("Migration Alliance") == 1  # the quote, its translation and the title are left out
    assert [t for _, t in page.link_texts if RAW_ADDRESS.match(t)] == ["https://x.org/a"]
