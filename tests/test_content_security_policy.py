"""The Content-Security-Policy written into every page: the hashes of the page's own inline scripts,
nothing that would let another script run (its browser test: tests/quality/test_csp.py)."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from alliance.assembly.csp import META_START, policy, secure_site, with_policy


def policy_of(document: str) -> dict[str, list[str]]:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', document)
    assert found, "no policy"
    content = found[1]
    return {d.split()[0]: d.split()[1:] for d in content.split("; ")}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = (
    "<!DOCTYPE html><html lang=fr><head><title>t</title>"
    "<script>var a = '</p>';</script>"
    '<script type="application/json" id="__config">{"x": 1}</script>'
    '<script src="assets/bundle.js"></script>'
    "<SCRIPT type=module>\nimport x from './x.js';\n</SCRIPT>"
    "</head><body><script>\r\n  b();\r\n</script></body></html>"
)


def test_each_inline_script_is_allowed_by_its_hash_and_nothing_else_inline():
    found = policy_of(with_policy(PAGE))
    assert sorted(found["script-src"]) == sorted(
        ["'self'", sha256("var a = '</p>';"), sha256("\nimport x from './x.js';\n"), sha256("\r\n  b();\r\n")]
    )
    assert found["object-src"] == ["'none'"] and found["base-uri"] == ["'self'"]
    assert found["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert "default-src" not in found  # styles are not restricted: only scripts, images, base and plug-ins


def test_the_policy_comes_first_in_the_head():
    document = with_policy(PAGE)
    assert document.index(META_START) == document.index("<head>") + len("<head>")
    assert document.replace(document[document.index(META_START) : document.index("<title>")], "") == PAGE


@pytest.mark.parametrize(
    "document, expected",
    [
        ('<head><script src="../pagefind/pagefind-ui.js"></script></head>', True),
        ('<head><script src="pagefind/pagefind-ui.js"></script></head>', True),
        ('<head><script src="assets/not-pagefind/x.js"></script></head>', False),
        ("<head><script>var pagefind = 1;</script></head>", False),
    ],
)
def test_only_a_page_loading_pagefind_may_compile_webassembly(document, expected):
    assert ("'wasm-unsafe-eval'" in policy_of(with_policy(document))["script-src"]) == expected


def test_never_unsafe_inline_or_eval():
    text = policy(["a()", "b()"], compiles_webassembly=True)
    assert "'unsafe-inline'" not in text and "'unsafe-eval'" not in text and "'unsafe-hashes'" not in text


def test_a_document_without_head_gets_the_policy_first(tmp_path):
    assert with_policy("<!doctype html><p>x</p>").startswith("<!doctype html>" + META_START)
    assert with_policy("<p>x</p>").startswith(META_START)


def test_every_html_file_of_the_site_is_secured(tmp_path):
    (tmp_path / "en").mkdir()
    for path in ("index.html", "en/index.html", "404.html"):
        (tmp_path / path).write_text(PAGE, encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    assert secure_site(tmp_path) == 3
    assert all(
        META_START in (tmp_path / p).read_text(encoding="utf-8") for p in ("index.html", "en/index.html", "404.html")
    )
    assert (tmp_path / "data.json").read_text(encoding="utf-8") == "{}"


def test_an_inline_scripts_character_references_are_hashed_as_written():
    # The browser hashes the script's text as the file has it: "&amp;" stays five characters.
    assert policy_of(with_policy("<script>a &amp;&amp; b</script>"))["script-src"] == [
        "'self'",
        sha256("a &amp;&amp; b"),
    ]


def test_a_stray_script_end_tag_adds_no_hash():
    assert policy_of(with_policy("<p>not a script</p></script>"))["script-src"] == ["'self'"]
