"""Every internal address of every built page leads to a file of the site, every #anchor to an id.

The strict build checks the links written in Markdown; this crawl also checks what the theme,
the plugins and the generators write (language switcher, assets, frames, downloads, sitemap).
External addresses are not fetched.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from alliance.builtsite.parse import BuiltSite, parse_page


@cache
def ids_of(file: Path) -> frozenset[str]:
    return parse_page(file.read_text(encoding="utf-8")).ids


def broken_references(site: BuiltSite, page: Path) -> list[str]:
    problems = []
    where = page.relative_to(site.root).as_posix()
    parsed = parse_page(page.read_text(encoding="utf-8"))
    for reference in parsed.references:
        if not site.is_internal(reference.url):
            continue
        target = site.resolve(parsed.address(reference), page)
        label = f'{where}:{reference.line}: <{reference.tag} {reference.attribute}="{reference.url}">'
        if target.file is None:
            problems.append(f"{label}: no file of the site at {target.url_path}")
        elif target.fragment and target.file.suffix == ".html" and target.fragment not in ids_of(target.file):
            problems.append(f'{label}: {target.file.relative_to(site.root).as_posix()} has no id="{target.fragment}"')
    return problems


def test_every_internal_link_and_anchor_resolves(site):
    pages = site.html_files()
    assert len(pages) > 1, "the crawl found no pages"
    problems = [problem for page in pages for problem in broken_references(site, page)]
    assert not problems, "broken internal addresses:\n" + "\n".join(problems)


def test_every_sitemap_address_is_a_page(site):
    addresses = re.findall(
        r"<loc>([^<]+)</loc>|href=\"([^\"]+)\"", (site.root / "sitemap.xml").read_text(encoding="utf-8")
    )
    missing = [
        url for pair in addresses for url in pair if url and site.resolve(url, site.root / "index.html").file is None
    ]
    assert addresses and not missing, f"sitemap.xml names addresses with no page: {missing}"


BROKEN_PAGE = """<html><body>
<a href="../declaration/#p1">ok</a>
<a href="../declaration/#p99">missing anchor</a>
<a href="#here">in-page</a> <p id="here"></p>
<a href="#nowhere">missing in-page anchor</a>
<img src="../assets/missing.png" alt="">
<iframe src="/site/map/frame.html" title="map"></iframe>
<a href="https://example.org/#x">external, not fetched</a>
<a href="mailto:someone@example.org">mail</a>
</body></html>"""


@pytest.mark.parametrize(
    "html, expected",
    [
        pytest.param(BROKEN_PAGE, ["#p99", "#nowhere", "missing.png", "frame.html"], id="broken"),
        pytest.param('<p id="top"><a href="#top">top</a> <a href="../declaration/">text</a></p>', [], id="sound"),
    ],
)
def test_the_crawl_finds_what_is_broken(tmp_path, html, expected):
    (tmp_path / "declaration").mkdir()
    (tmp_path / "declaration" / "index.html").write_text('<p id="p1">1</p>', encoding="utf-8")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(html, encoding="utf-8")
    problems = broken_references(
        BuiltSite(tmp_path, "https://example.github.io/site/"), tmp_path / "page" / "index.html"
    )
    assert len(problems) == len(expected), problems
    for problem, fragment in zip(problems, expected, strict=True):
        assert fragment in problem
