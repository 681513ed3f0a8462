"""Reading built pages: references, what loads, ids, and where addresses lead."""

from __future__ import annotations

import pytest

from alliance.builtsite.parse import BuiltSite, css_urls, parse_page


def test_parse_page_finds_references_ids_and_what_loads():
    page = parse_page(
        '<a name="old" href="x/#a">x</a><p id="p1" style="background:url(bg.png)">'
        '<img src="a.png" srcset="a.png 1x, b@2x.png 2x" alt=""><link rel="preload" href="f.woff2">'
        '<link rel="alternate" href="../en/"><style>.x{background:url("c.png")}</style>'
    )
    assert page.ids == {"old", "p1"}
    assert [(r.tag, r.url, r.loads) for r in page.references] == [
        ("a", "x/#a", False),
        ("style", "bg.png", True),
        ("img", "a.png", True),
        ("img", "a.png", True),
        ("img", "b@2x.png", True),
        ("link", "f.woff2", True),
        ("link", "../en/", False),
        ("style", "c.png", True),
    ]


def test_css_urls_reads_url_and_import_but_not_comments():
    css = '/* url(skip.png) */ @import "a.css"; .x { background: url( \'b.png\' ) } .y { src: url(c.woff2) format("woff2") }'
    assert css_urls(css) == ("a.css", "b.png", "c.woff2")


@pytest.fixture
def site(tmp_path):
    for path in (
        "index.html",
        "en/index.html",
        "en/declaration/index.html",
        "assets/a b.css",
        "open-data/cities.geojson",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("", encoding="utf-8")
    return BuiltSite(tmp_path, "https://example.github.io/site/")


@pytest.mark.parametrize(
    "url, from_page, expected",
    [
        ("declaration/#p2", "en/index.html", "en/declaration/index.html"),
        ("../../assets/a%20b.css", "en/declaration/index.html", "assets/a b.css"),
        ("/site/en/declaration/", "index.html", "en/declaration/index.html"),
        ("/site/en", "index.html", "en/index.html"),
        ("https://example.github.io/site/open-data/cities.geojson", "index.html", "open-data/cities.geojson"),
        ("#top", "en/index.html", "en/index.html"),
        ("missing/", "index.html", None),
        ("/elsewhere/", "index.html", None),
        ("../../../../etc/passwd", "en/index.html", None),
    ],
)
def test_resolve(site, url, from_page, expected):
    target = site.resolve(url, site.root / from_page)
    assert (target.file.relative_to(site.root).as_posix() if target.file else None) == expected


def test_internal_or_not(site):
    assert site.is_internal("../x/") and site.is_internal("https://example.github.io/site/x")
    assert not site.is_internal("https://example.org/") and not site.is_internal("mailto:a@example.org")
    assert not site.is_internal("data:image/png;base64,AA")


def test_site_address_comes_from_the_home_page(tmp_path):
    (tmp_path / "index.html").write_text('<link rel="canonical" href="https://example.org/base/">', encoding="utf-8")
    assert BuiltSite.from_directory(tmp_path).base_path == "/base/"
    (tmp_path / "index.html").write_text("<p>no canonical</p>", encoding="utf-8")
    with pytest.raises(ValueError, match="site_url"):
        BuiltSite.from_directory(tmp_path)
