"""What a build keeps to go faster changes nothing it writes: templates, mkdocs.yml."""

from __future__ import annotations

import jinja2

from alliance.assembly.templatecache import MemoryBytecodeCache
from alliance.siteconfig import load_publication, read_mkdocs_yml


def _refuse(*args):
    raise AssertionError("the template was compiled again")


TEMPLATES = {
    "page.html": "{% extends 'base.html' %}{% block body %}{{ title|upper }}{% endblock %}",
    "base.html": "<title>{{ title }}</title>{% block body %}{% endblock %}",
}


def _environment(cache: MemoryBytecodeCache, templates=TEMPLATES) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(dict(templates)), bytecode_cache=cache)


def test_language_passes_share_the_compiled_templates(monkeypatch):
    cache = MemoryBytecodeCache()
    first = _environment(cache).get_template("page.html").render(title="Accueil")
    second_pass = _environment(cache)
    monkeypatch.setattr(second_pass, "compile", _refuse)
    assert second_pass.get_template("page.html").render(title="Accueil") == first == "<title>Accueil</title>ACCUEIL"


def test_an_edited_template_is_compiled_again():
    cache = MemoryBytecodeCache()
    _environment(cache).get_template("page.html").render(title="x")
    edited = dict(TEMPLATES, **{"page.html": TEMPLATES["page.html"].replace("upper", "lower")})
    assert _environment(cache, edited).get_template("page.html").render(title="X") == "<title>X</title>x"


def test_mkdocs_yml_is_read_once_but_each_reader_gets_its_own_copy(monkeypatch):
    first = read_mkdocs_yml()
    first["plugins"].append("changed by a caller")
    assert "changed by a caller" not in read_mkdocs_yml()["plugins"]
    # !ENV values follow the environment, as in the build.
    monkeypatch.delenv("SITE_URL", raising=False)
    default = load_publication().site_url
    monkeypatch.setenv("SITE_URL", "https://example.org/elsewhere/")
    assert load_publication().site_url == "https://example.org/elsewhere/" != default
