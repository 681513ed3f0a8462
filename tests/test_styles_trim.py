"""Material's style sheets trimmed to the rules the built site uses (alliance/assembly/styles.py)."""

from __future__ import annotations

import hashlib

import pytest

from alliance.assembly import styles
from alliance.assembly.styles import STYLESHEETS, StylesTrimFailed, trim_styles

SHEET = "main.0123abcd.min.css"
RULES = {
    # rule: kept?
    ".md-header{color:red}": True,
    ".md-admonition{color:blue}": False,
    "[data-md-color-scheme=slate]{color:black}": False,
    "[data-md-color-scheme=default]{color:white}": True,
    ".md-typeset mark{color:green}": True,  # written by a script, not in the HTML
    "table{border:0}": False,
}
PAGE = '<!doctype html><html data-md-color-scheme="default"><head><link rel="stylesheet" href="{prefix}assets/stylesheets/{sheet}"></head><body><header class="md-header"><div class="md-typeset"></div></header><script src="{prefix}assets/site.js"></script></body></html>'


@pytest.fixture
def small_site(tmp_path):
    (tmp_path / STYLESHEETS).mkdir(parents=True)
    (tmp_path / STYLESHEETS / SHEET).write_text("".join(RULES), encoding="utf-8")
    (tmp_path / STYLESHEETS / f"{SHEET}.map").write_text("{}", encoding="utf-8")
    (tmp_path / "assets" / "site.js").write_text("element.innerHTML = '<mark>' + found + '</mark>';", encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE.format(prefix="", sheet=SHEET), encoding="utf-8")
    (tmp_path / "en" / "about").mkdir(parents=True)
    (tmp_path / "en" / "about" / "index.html").write_text(PAGE.format(prefix="../../", sheet=SHEET), encoding="utf-8")
    return tmp_path


def test_unused_rules_are_dropped_and_every_page_points_to_the_trimmed_sheet(small_site):
    (trimmed,) = trim_styles(small_site)
    assert trimmed.name == SHEET and trimmed.size == len("".join(RULES)) > trimmed.trimmed_size
    assert [path.name for path in (small_site / STYLESHEETS).iterdir()] == [trimmed.trimmed_name]
    text = (small_site / STYLESHEETS / trimmed.trimmed_name).read_text(encoding="utf-8")
    # named as Material names its sheets: 8 hex digits of the content's SHA-256
    assert trimmed.trimmed_name == f"main.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.css"
    assert {rule: rule in text for rule in RULES} == RULES
    for page, prefix in ((small_site / "index.html", ""), (small_site / "en" / "about" / "index.html", "../../")):
        assert page.read_text(encoding="utf-8") == PAGE.format(prefix=prefix, sheet=trimmed.trimmed_name)


def test_two_trims_of_one_site_are_identical(small_site, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    for path in small_site.rglob("*"):
        if path.is_file():
            (other / path.relative_to(small_site)).parent.mkdir(parents=True, exist_ok=True)
            (other / path.relative_to(small_site)).write_bytes(path.read_bytes())
    assert trim_styles(small_site) == trim_styles(other)


def test_without_node_the_build_says_why(small_site, monkeypatch):
    monkeypatch.setattr(styles.shutil, "which", lambda name: None)
    with pytest.raises(StylesTrimFailed) as raised:
        trim_styles(small_site)
    assert str(raised.value) == "Node.js (node) is not on PATH: the build needs it, as README says"


def test_without_purgecss_the_build_says_what_to_run(small_site, monkeypatch):
    monkeypatch.setattr(styles, "PURGECSS", styles.NODE_MODULES / "purgecss" / "bin" / "gone.js")
    with pytest.raises(StylesTrimFailed) as raised:
        trim_styles(small_site)
    assert str(raised.value) == "node_modules/purgecss/bin/gone.js is missing: run npm ci (make does)"


def test_a_sheet_without_a_source_map_is_trimmed_too(small_site):
    (small_site / STYLESHEETS / f"{SHEET}.map").unlink()
    (trimmed,) = trim_styles(small_site)
    assert [path.name for path in (small_site / STYLESHEETS).iterdir()] == [trimmed.trimmed_name]


def test_a_sheet_purgecss_cannot_read_is_an_error_not_a_traceback(small_site):
    (small_site / STYLESHEETS / SHEET).write_text(".md-header{color:red", encoding="utf-8")
    with pytest.raises(StylesTrimFailed) as raised:
        trim_styles(small_site)
    # PurgeCSS's own words, as text
    assert f"CssSyntaxError: {small_site / STYLESHEETS / SHEET}:1:1: Unclosed block" in str(raised.value).splitlines()
