"""Material's style sheets trimmed to the rules the built site uses (alliance/assembly/styles.py)."""

from __future__ import annotations

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
def site(tmp_path):
    (tmp_path / STYLESHEETS).mkdir(parents=True)
    (tmp_path / STYLESHEETS / SHEET).write_text("".join(RULES), encoding="utf-8")
    (tmp_path / STYLESHEETS / f"{SHEET}.map").write_text("{}", encoding="utf-8")
    (tmp_path / "assets" / "site.js").write_text("element.innerHTML = '<mark>' + found + '</mark>';", encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE.format(prefix="", sheet=SHEET), encoding="utf-8")
    (tmp_path / "en" / "about").mkdir(parents=True)
    (tmp_path / "en" / "about" / "index.html").write_text(PAGE.format(prefix="../../", sheet=SHEET), encoding="utf-8")
    return tmp_path


def test_unused_rules_are_dropped_and_every_page_points_to_the_trimmed_sheet(site):
    (trimmed,) = trim_styles(site)
    assert trimmed.name == SHEET and trimmed.size == len("".join(RULES)) > trimmed.trimmed_size
    assert [path.name for path in (site / STYLESHEETS).iterdir()] == [trimmed.trimmed_name]
    assert trimmed.trimmed_name.startswith("main.") and trimmed.trimmed_name.endswith(".min.css")
    text = (site / STYLESHEETS / trimmed.trimmed_name).read_text(encoding="utf-8")
    assert {rule: rule in text for rule in RULES} == RULES
    for page, prefix in ((site / "index.html", ""), (site / "en" / "about" / "index.html", "../../")):
        assert page.read_text(encoding="utf-8") == PAGE.format(prefix=prefix, sheet=trimmed.trimmed_name)


def test_two_trims_of_one_site_are_identical(site, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    for path in site.rglob("*"):
        if path.is_file():
            (other / path.relative_to(site)).parent.mkdir(parents=True, exist_ok=True)
            (other / path.relative_to(site)).write_bytes(path.read_bytes())
    assert trim_styles(site) == trim_styles(other)


def test_without_node_the_build_says_why(site, monkeypatch):
    monkeypatch.setattr(styles.shutil, "which", lambda name: None)
    with pytest.raises(StylesTrimFailed, match=r"Node\.js \(node\) is not on PATH"):
        trim_styles(site)


def test_a_sheet_purgecss_cannot_read_is_an_error_not_a_traceback(site):
    (site / STYLESHEETS / SHEET).write_text(".md-header{color:red", encoding="utf-8")
    with pytest.raises(StylesTrimFailed):
        trim_styles(site)
