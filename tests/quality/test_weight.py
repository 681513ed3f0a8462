"""What a reader downloads: the gzip size of each key page with its scripts and styles."""

from __future__ import annotations

import pytest

from alliance.builtsite.parse import BuiltSite
from alliance.builtsite.weight import SEARCH_INDEX, gzip_size, page_weight, search_index_weights
from tests.quality.cases import KEY_PAGE_CASES, SITE_CONFIG


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_key_page_weight_within_budget(site, quality_report, page, language, address):
    file = site.resolve(address, site.root / "index.html").file
    assert file is not None, f"no page at /{address}"
    weight = page_weight(site, file)
    quality_report.append(f"weight /{address}: {weight.gzip / 1000:.1f} kB gzip ({weight.raw / 1000:.1f} kB raw, {len(weight.files)} files)")
    if page.budget is not None:
        largest = sorted(weight.files, key=lambda f: -f.gzip)[:5]
        assert weight.gzip < page.budget, (
            f"/{address} weighs {weight.gzip} bytes gzip, over its budget of {page.budget}; largest files: "
            + ", ".join(f"{f.path} {f.gzip}" for f in largest)
        )


def test_search_index_size_per_language(site, quality_report):
    weights = search_index_weights(site, SITE_CONFIG.codes, SITE_CONFIG.default_language)
    assert {w.language for w in weights} == set(SITE_CONFIG.codes)
    assert all(w.documents > 0 for w in weights), weights
    for w in weights:
        quality_report.append(f"search index, {w.language} share: {w.documents} entries, {w.gzip / 1000:.1f} kB gzip ({w.raw / 1000:.1f} kB raw)")
    whole = (site.root / SEARCH_INDEX).read_bytes()
    quality_report.append(f"search index, one file loaded in every language: {gzip_size(whole) / 1000:.1f} kB gzip ({len(whole) / 1000:.1f} kB raw)")


def test_weight_counts_each_loaded_file_once_and_skips_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "style.css").write_text(".x { background: url(img.png) }", encoding="utf-8")
    (tmp_path / "img.png").write_bytes(b"\x89PNG" + bytes(1000))
    (tmp_path / "app.js").write_text("let x = 1;" * 100, encoding="utf-8")
    (tmp_path / "other.html").write_text("<p>" + "not loaded " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        '<link rel="stylesheet" href="../style.css"><link rel="stylesheet" href="/site/style.css">'
        '<link rel="canonical" href="https://example.github.io/site/other.html">'
        '<script src="../app.js"></script><a href="../other.html">other</a>',
        encoding="utf-8",
    )
    weight = page_weight(BuiltSite(tmp_path, "https://example.github.io/site/"), tmp_path / "a" / "index.html")
    assert [f.path for f in weight.files] == ["a/index.html", "style.css", "img.png", "app.js"]
    assert all(0 < f.gzip for f in weight.files) and weight.gzip < weight.raw
