"""Search answers the obvious question first (issue 23 item 1): the declaration, a city, a practice
and an agenda year come first for their own names, in every language, in Pagefind's own index
as the search page shows them in Chromium; pages that repeat others are not in the index, and
every result has the page's title."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from alliance.builtsite.parse import BuiltSite
from tests.quality import browser as chromium
from tests.quality.cases import REPEATING_PAGES, SITE_CONFIG

# (language, query, the page that must come first, from the language's root).
FIRST_RESULTS = (
    ("fr", "déclaration", "declaration/"),
    ("fr", "Déclaration de Lisbonne", "declaration/"),
    ("fr", "Lisbonne", "cities/lisbon/"),
    ("fr", "Palerme", "cities/palermo/"),
    ("fr", "charte de Palerme", "practices/palermo-charter/"),
    ("fr", "Grenoble", "cities/grenoble/"),
    ("fr", "Sfax", "cities/sfax/"),
    ("fr", "2023", "agenda/2023/"),
    ("fr", "agenda 2019", "agenda/2019/"),
    ("en", "declaration", "declaration/"),
    ("en", "Lisbon declaration", "declaration/"),
    ("en", "Lisbon", "cities/lisbon/"),
    ("en", "Palermo charter", "practices/palermo-charter/"),
    ("en", "Berlin", "cities/berlin/"),
    ("en", "Montreal", "cities/montreal/"),
    ("en", "BuBs", "practices/berlin-bubs/"),
    ("en", "2024", "agenda/2024/"),
    ("es", "declaración", "declaration/"),
    ("es", "Lisboa", "cities/lisbon/"),
    ("es", "Barcelona", "cities/barcelona/"),
    ("es", "carta de Palermo", "practices/palermo-charter/"),
    ("es", "SAIER", "practices/barcelona-saier/"),
    ("es", "2019", "agenda/2019/"),
    ("pt", "declaração", "declaration/"),
    ("pt", "Declaração de Lisboa", "declaration/"),
    ("pt", "Lisboa", "cities/lisbon/"),
    ("pt", "Recife", "cities/recife/"),
    ("pt", "São Paulo", "cities/sao-paulo/"),
    ("pt", "2023", "agenda/2023/"),
)


def prefix(language: str) -> str:
    return "" if language == SITE_CONFIG.default_language else f"{language}/"


def ranked_results(browser, site_url: str, language: str, queries: list[str]) -> dict[str, list[tuple[str, str]]]:
    """{query: [(address, title), ...]}: the results the language's search page shows for each
    query (`?q=`), in their order, as a reader sees them (Pagefind's interface shows 5 at first)."""
    ranked = {}
    with chromium.visit(browser, site_url) as recorder:
        for query in queries:
            recorder.open(prefix(language) + "search/?" + urlencode({"q": query}), settle=False)
            # Each result fetches its own data: the list is complete when every result has its link.
            recorder.page.wait_for_function(
                "() => { const n = document.querySelectorAll('.pagefind-ui__result').length;"
                " return n > 0 && document.querySelectorAll('.pagefind-ui__result-link').length === n; }"
            )
            # Metadata that serves the ranking (a page's name) is not shown as a tag.
            assert not recorder.page.query_selector(".pagefind-ui__result-tag"), query
            ranked[query] = recorder.page.eval_on_selector_all(
                ".pagefind-ui__result-link", "links => links.map(a => [new URL(a.href).pathname, a.innerText.trim()])"
            )
    return ranked


def ordinal(rank: int | None, count: int) -> str:
    return f"{rank} of {count}" if rank else f"not among the {count}"


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_each_name_finds_its_page_first(browser, site: BuiltSite, site_server, quality_report, language):
    rows = [(query, page) for code, query, page in FIRST_RESULTS if code == language]
    assert rows, f"no row for {language}"
    results = ranked_results(browser, site_server, language, [query for query, _ in rows])
    root = site.base_path + prefix(language)
    wrong = []
    for query, page in rows:
        urls = [url for url, _ in results[query]]
        rank = urls.index(root + page) + 1 if root + page in urls else None
        quality_report.append(
            f"search ({language}) {query!r}: /{prefix(language)}{page} is {ordinal(rank, len(urls))} shown"
        )
        if rank != 1:
            wrong.append(f"{query!r}: {root + page} ranks {ordinal(rank, len(urls))}; first: {results[query][:3]}")
        repeating = [url for url in urls if REPEATING_PAGES.search(url)]
        if repeating:
            wrong.append(f"{query!r} finds pages that repeat others: {repeating}")
        untitled = [(url, title) for url, title in results[query] if not title or title.isupper()]
        if untitled:
            wrong.append(f"{query!r}: results without a title in sentence case: {untitled}")
    assert not wrong, "\n".join(wrong)


def test_pages_that_repeat_others_are_not_indexed(site: BuiltSite):
    """The agenda's target pages, the translation status and the search page, in every language."""
    indexed = {site.url_path(page) for page in site.html_files() if "data-pagefind-body" in page.read_text("utf-8")}
    repeating = sorted(path for path in indexed if REPEATING_PAGES.search(path))
    assert not repeating, repeating
    # The index holds the other pages: the pattern names only the repeating ones.
    assert any(path.endswith("/agenda/2023/") for path in indexed), sorted(indexed)[:10]
