"""Every record shown on a page shows its sources there (issue 16): a city, an action or a
practice, on its own page and in every list that shows it (indexes, city pages, the map's list,
the agenda, the home page), in every language."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from alliance.localized import language_prefix
from alliance.pages.sources import DECLARATION_SOURCE


@dataclass
class Item:
    """An element of the article that shows a record: a list item, or the whole article."""

    hrefs: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    lead: str = ""  # the text before its first link ("Lieu :" before a place)


class _Items(HTMLParser):
    """The innermost <li> of the page's article with the links and ids inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.article: Item | None = None
        self.depth = 0
        self.open: list[Item] = []
        self.items: list[Item] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.article, self.depth = Item(), 1
            return
        if self.article is None:
            return
        if tag == "li":
            self.open.append(Item())
        for item in (self.article, *self.open[-1:]):
            if tag == "a" and attributes.get("href"):
                item.hrefs.append(attributes["href"])
            if attributes.get("id"):
                item.ids.append(attributes["id"])

    def handle_data(self, data: str) -> None:
        if self.open and not self.open[-1].hrefs:
            self.open[-1].lead += data

    def handle_endtag(self, tag: str) -> None:
        if self.article is not None and tag == "li" and self.open:
            self.items.append(self.open.pop())


def read(page: Path) -> _Items:
    parser = _Items()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def source_addresses(sources, prefix: str) -> set[str]:
    """Each source as the address its link leads to, relative to the site's root."""
    return {f"{prefix}declaration/#p{m[1]}" if (m := DECLARATION_SOURCE.match(s.url)) else s.url for s in sources}


def resolved(item: Item, page_address: str) -> set[str]:
    return {urljoin(page_address, href) for href in item.hrefs}


@pytest.fixture(scope="module")
def dataset(real_dataset):
    return real_dataset


def test_every_record_in_a_list_shows_its_sources(built_site, site_config, dataset):
    checked = 0
    for language in site_config.codes:
        prefix = language_prefix(language, site_config.default_language)
        records = {
            **{f"{prefix}cities/{c.id}/": c.sources for c in dataset.cities},
            **{f"{prefix}practices/{p.id}/": p.sources for p in dataset.practices},
            **{f"{prefix}agenda/#{a.id}": a.sources for a in dataset.actions},
        }
        actions = {a.id: a.sources for a in dataset.actions}
        for page in sorted((built_site / prefix).rglob("index.html") if prefix else built_site.rglob("index.html")):
            address = page.parent.relative_to(built_site).as_posix() + "/"
            address = "" if address == "./" else address
            if not prefix and address.split("/")[0] in {code for code in site_config.codes if code != language}:
                continue
            for item in read(page).items:
                links = resolved(item, address)
                # The record an item shows: the one its first link leads to (its title), or the
                # action whose entry it is; later links (an action's place) only name a record.
                first = urljoin(address, item.hrefs[0]) if item.hrefs and not item.lead.strip() else None
                shown = [first] if first in records and first != address else []
                shown += [f"{prefix}agenda/#{i}" for i in item.ids if i in actions]
                for key in shown:
                    missing = source_addresses(records[key], prefix) - links
                    assert not missing, f"{address}: {key} is shown without its sources {sorted(missing)}"
                    checked += 1
    assert checked > 200


def test_every_record_page_shows_its_sources(built_site, site_config, dataset):
    for language in site_config.codes:
        prefix = language_prefix(language, site_config.default_language)
        pages = [(f"{prefix}cities/{c.id}/", c.sources) for c in dataset.cities]
        pages += [(f"{prefix}practices/{p.id}/", p.sources) for p in dataset.practices]
        for address, sources in pages:
            article = read(built_site / address / "index.html").article
            assert article is not None
            assert not source_addresses(sources, prefix) - resolved(article, address), address
