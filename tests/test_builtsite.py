"""Reading built pages: references, what loads, ids, where addresses lead, and what a page weighs
(read from the files of a small built site; the browser's measure is in tests/quality/)."""

from __future__ import annotations

import gzip
import json

import pytest

from alliance.builtsite.parse import BuiltSite, Reference, Target, css_urls, host, is_inert, parse_page
from alliance.builtsite.weight import gzip_size, page_weight, requests_weight, search_index_weights


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


# Not named `site`: that name marks a test of the built site (tests/conftest.py), left out of `make mutate`.
@pytest.fixture
def empty_site(tmp_path):
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
def test_resolve(empty_site, url, from_page, expected):
    target = empty_site.resolve(url, empty_site.root / from_page)
    assert (target.file.relative_to(empty_site.root).as_posix() if target.file else None) == expected


def test_internal_or_not(empty_site):
    assert empty_site.is_internal("../x/") and empty_site.is_internal("https://example.github.io/site/x")
    assert not empty_site.is_internal("https://example.org/") and not empty_site.is_internal("mailto:a@example.org")
    assert not empty_site.is_internal("data:image/png;base64,AA")
    assert empty_site.is_internal("//example.github.io/site/x") and not empty_site.is_internal("//example.org/x")
    assert not empty_site.is_internal("urn:isbn:9780000000000") and not empty_site.is_internal(
        "http://example.github.io/"
    )


def test_site_address_comes_from_the_home_page(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://elsewhere.example/a.css"><a rel="canonical" href="https://example.net/">'
        '<title>Café</title><link rel="canonical" href="https://example.org/base/">',
        encoding="utf-8",
    )
    site = BuiltSite.from_directory(tmp_path)
    assert (site.root, site.base_path) == (tmp_path, "/base/")
    (tmp_path / "index.html").write_text("<p>no canonical</p>", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        BuiltSite.from_directory(tmp_path)
    assert str(raised.value) == f"{tmp_path / 'index.html'} has no <link rel=canonical>: was site_url set?"


@pytest.mark.parametrize(
    ("element", "attribute", "loads"),
    [
        ("a", "href", False),
        ("area", "href", False),
        ("link", "href", False),  # without a rel that loads
        ("script", "src", True),
        ("img", "src", True),
        ("iframe", "src", True),
        ("source", "src", True),
        ("video", "src", True),
        ("video", "poster", True),
        ("audio", "src", True),
        ("track", "src", True),
        ("embed", "src", True),
        ("object", "data", True),
    ],
)
def test_every_element_that_holds_an_address_is_read(element, attribute, loads):
    page = parse_page(f'<p>\n<{element} {attribute}="  x/y.bin " title="t"></{element}>')
    assert [(r.tag, r.attribute, r.url, r.loads, r.line) for r in page.references] == [
        (element, attribute, "x/y.bin", loads, 2)
    ]


def test_attributes_that_hold_no_address_are_not_read():
    page = parse_page('<div src="a.png" href="b/"></div><img href="c.png" src="  "><a src="d.png" data="e">')
    assert page.references == ()


@pytest.mark.parametrize(
    "rel",
    [
        "stylesheet",
        "icon",
        "apple-touch-icon",
        "manifest",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "Alternate STYLESHEET",
        "shortcut icon",
    ],
)
def test_a_link_the_browser_fetches_loads(rel):
    (reference,) = parse_page(f'<link rel="{rel}" href="x">').references
    assert reference.loads


@pytest.mark.parametrize("rel", ["canonical", "alternate", "prev", "next", "search", "license", ""])
def test_a_link_the_browser_does_not_fetch_does_not_load(rel):
    (reference,) = parse_page(f'<link rel="{rel}" href="x">').references
    assert not reference.loads


def test_srcset_candidates_of_img_and_source_are_read_and_empty_ones_skipped():
    page = parse_page('<source srcset="a.webp 1x, ,b.webp 2x"><img srcset=" c.png "><video srcset="d.png">')
    assert [(r.tag, r.attribute, r.url) for r in page.references] == [
        ("source", "srcset", "a.webp"),
        ("source", "srcset", "b.webp"),
        ("img", "srcset", "c.png"),
    ]


def test_only_the_text_of_a_style_element_is_read_as_css():
    page = parse_page(
        "<style/>url(a.png)<style>.x{background:url(b.png)}</style>url(c.png)"
        "<style><!-- --></style><p>url(d.png)</p><style>\n\n.y{background:url(e.png)}</style>"
    )
    assert [(r.tag, r.attribute, r.url, r.line) for r in page.references] == [
        ("style", "css", "b.png", 1),
        ("style", "css", "e.png", 1),
    ]


def test_ids_are_ids_and_the_names_of_anchors():
    page = parse_page('<div id="a"></div><a name="b"></a><div name="c"></div><img id><p id="">')
    assert page.ids == {"a", "b", ""}


def test_the_first_base_with_an_address_resolves_the_others():
    page = parse_page('<base href=""><base href="https://example.org/site/"><base href="/other/"><img src="a.png">')
    assert page.base == "https://example.org/site/"
    assert page.address(page.references[0]) == "https://example.org/site/a.png"
    assert parse_page('<img src="a.png">').address(Reference("img", "src", "a.png")) == "a.png"


@pytest.mark.parametrize(
    ("url", "inert"),
    [
        ("mailto:a@example.org", True),
        ("tel:+351", True),
        ("javascript:void(0)", True),
        ("JavaScript:void(0)", True),
        ("data:image/png;base64,AA", True),
        ("blob:https://example.org/1", True),
        ("about:blank", True),
        ("https://example.org/", False),
        ("page/mailto:x", False),
    ],
)
def test_addresses_that_name_no_resource_are_inert(url, inert):
    assert is_inert(url) is inert


def test_host_is_the_lowercase_host_of_an_absolute_address():
    assert host("https://Example.ORG:8080/x") == "example.org"
    assert host("../x/") == ""


def test_url_path_is_the_folder_of_an_index_page(empty_site):
    assert empty_site.url_path(empty_site.root / "index.html") == "/site/"
    assert empty_site.url_path(empty_site.root / "en" / "index.html") == "/site/en/"
    assert empty_site.url_path(empty_site.root / "en" / "myindex.html") == "/site/en/myindex.html"
    assert empty_site.url_path(empty_site.root / "assets" / "a b.css") == "/site/assets/a b.css"


def test_a_site_address_without_a_final_slash_or_a_path(tmp_path):
    site = BuiltSite(tmp_path, "https://example.org/base")
    assert (site.site_url, site.origin, site.base_path) == (
        "https://example.org/base/",
        "https://example.org",
        "/base/",
    )
    assert BuiltSite(tmp_path, "https://example.org").base_path == "/"


def test_html_files_are_every_page_in_order(empty_site):
    (empty_site.root / "en" / "declaration" / "old.html").write_text("", encoding="utf-8")
    assert [p.relative_to(empty_site.root).as_posix() for p in empty_site.html_files()] == [
        "en/declaration/index.html",
        "en/declaration/old.html",
        "en/index.html",
        "index.html",
    ]


def test_a_target_keeps_its_path_and_decoded_fragment(empty_site):
    target = empty_site.resolve("declaration/index.html#p%202", empty_site.root / "en" / "index.html")
    assert target == Target("/site/en/declaration/index.html", empty_site.root / "en/declaration/index.html", "p 2")
    assert empty_site.resolve("/site/assets/", empty_site.root / "index.html").file is None


SMALL_SITE: dict[str, str | bytes] = {
    "index.html": (
        '<link rel="stylesheet" href="assets/a.css"><link rel="canonical" href="https://example.org/site/">'
        '<img src="img/b.png"><a href="other/">other</a><script src="https://cdn.example.net/x.js"></script>'
        '<img src="img/missing.png"><iframe src="/site/map/frame.html"></iframe><img src="img/b.png">'
        '<img src="https://example.org/site/img/abs.png"><link rel="stylesheet" href="assets/latin1.css">'
    ),
    "assets/a.css": '@import "e.css"; body { background: url(../img/d.png) } .x { background: url(a.css) }',
    "assets/e.css": ".e { color: red }",
    # Not UTF-8 (a page saved in Latin-1): read anyway, its address still counts.
    "assets/latin1.css": b".caf\xe9 { background: url(../img/from-latin1.png) }",
    "img/b.png": "b" * 300,
    "img/d.png": "d" * 50,
    "img/abs.png": "a",
    "img/from-latin1.png": "c",
    "map/frame.html": '<script src="../assets/leaflet.js"></script>',
    "assets/leaflet.js": "L" * 2000,
    "other/index.html": "<p>not loaded by the home page</p>" * 100,
    "data.json": '{"not": "html"}',
}


def _bytes(path: str) -> bytes:
    data = SMALL_SITE[path]
    return data if isinstance(data, bytes) else data.encode()


@pytest.fixture
def small_site(tmp_path):
    for path in SMALL_SITE:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(_bytes(path))
    return BuiltSite(tmp_path, "https://example.org/site/")


def test_gzip_size_is_the_size_a_static_host_sends():
    data = b"Alliance Migrations " * 500
    assert gzip_size(data) == len(gzip.compress(data, compresslevel=9)) < len(data) // 20


def test_a_page_weighs_what_it_loads_with_its_frames_and_styles_once_each(small_site):
    weight = page_weight(small_site, small_site.root / "index.html")
    assert weight.page == "index.html"
    assert [f.path for f in weight.files] == [
        "index.html",
        "assets/a.css",
        "assets/e.css",
        "img/d.png",
        "img/b.png",
        "map/frame.html",
        "assets/leaflet.js",
        "img/abs.png",
        "assets/latin1.css",
        "img/from-latin1.png",
    ]
    assert [f.raw for f in weight.files] == [len(_bytes(f.path)) for f in weight.files]
    assert [f.gzip for f in weight.files] == [gzip_size(_bytes(f.path)) for f in weight.files]
    assert weight.raw == sum(len(_bytes(f.path)) for f in weight.files)
    assert weight.gzip == sum(f.gzip for f in weight.files)


def test_a_file_that_is_neither_html_nor_css_loads_nothing(small_site):
    assert [f.path for f in page_weight(small_site, small_site.root / "data.json").files] == ["data.json"]


def test_the_browser_requests_are_weighed_once_each_and_only_the_sites(small_site):
    weight = requests_weight(
        small_site,
        "en/",
        [
            "https://example.org/site/",
            "https://example.org/site/img/b.png",
            "https://example.org/site/img/b.png#again",
            "/site/assets/leaflet.js",
            "https://example.org/site/img/missing.png",
            "https://tile.openstreetmap.org/1/2/3.png",
            "data:image/png;base64,AA",
        ],
    )
    assert weight.page == "en/"
    assert [f.path for f in weight.files] == ["index.html", "img/b.png", "assets/leaflet.js"]
    assert weight.gzip == sum(gzip_size(_bytes(f.path)) for f in weight.files)


def test_each_languages_search_index_is_weighed_apart(small_site):
    assert search_index_weights(small_site) == ()
    bundle = small_site.root / "pagefind"
    (bundle / "index").mkdir(parents=True)
    (bundle / "fragment").mkdir()
    entry = {"languages": {"fr": {"hash": "fr1", "page_count": 3}, "en": {"hash": "en1", "page_count": 2}}}
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    contents = {
        "pagefind.fr1.pf_meta": b"m" * 10,
        "pagefind.en1.pf_meta": b"n" * 20,
        "index/fr_a.pf_index": b"i" * 100,
        "index/fr_b.pf_index": bytes(range(256)),
        "fragment/fr_c.pf_fragment": b"f" * 30,
        "index/en_a.pf_index": b"e" * 40,
        "fragment/es_a.pf_fragment": b"s" * 50,
    }
    for name, data in contents.items():
        (bundle / name).write_bytes(data)
    fr, en = search_index_weights(small_site)
    fr_files = ["pagefind.fr1.pf_meta", "index/fr_a.pf_index", "index/fr_b.pf_index", "fragment/fr_c.pf_fragment"]
    assert (fr.language, fr.pages, fr.files) == ("fr", 3, 4)
    assert fr.gzip == sum(gzip_size(contents[name]) for name in fr_files)
    assert (en.language, en.pages, en.files) == ("en", 2, 2)
    assert en.gzip == gzip_size(contents["pagefind.en1.pf_meta"]) + gzip_size(contents["index/en_a.pf_index"])


def test_references_carry_their_element_attribute_rel_and_line():
    page = parse_page(
        'url(before.png)<p>\n<p style="background: url(bg.png)">'
        '<img src="a.png" srcset="b.png 2x"/>\n<link rel="Preload" href="f.woff2">'
        "<style>\n.x{background:url(c.png)}</style><p>url(after.png)</p>"
    )
    assert page.references == (
        Reference("style", "style", "bg.png", (), 2),
        Reference("img", "src", "a.png", (), 2),
        Reference("img", "srcset", "b.png", (), 2),
        Reference("link", "href", "f.woff2", ("preload",), 3),
        Reference("style", "css", "c.png", (), 3),
    )


def test_an_address_without_a_base_is_left_as_written():
    page = parse_page('<a href="#top">top</a>')
    assert page.base is None and page.address(page.references[0]) == "#top"


def test_a_comment_in_a_style_sheet_is_nothing():
    assert css_urls('@import /* why */ "a.css"; .x{background:url("")} .y{background:url( )}') == ("a.css",)


def test_an_address_outside_the_site_folder_leads_nowhere(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("", encoding="utf-8")
    (tmp_path / "secret.html").write_text("", encoding="utf-8")
    site = BuiltSite(root, "https://example.org/site/")
    assert site.resolve("/site/%2e%2e/secret.html", root / "index.html").file is None
    assert site.resolve("/site/index.html/", root / "index.html").file is None
    assert site.resolve("/site/index.html", root / "index.html").file == root / "index.html"
