"""What a build keeps to go faster changes nothing it writes: map documents, templates, mkdocs.yml."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import jinja2
import pytest

from alliance.assembly import mapcache
from alliance.assembly.templatecache import MemoryBytecodeCache
from alliance.data.dataset import load_dataset_cached
from alliance.pages import citymap
from alliance.paths import ROOT
from alliance.siteconfig import load_publication, read_mkdocs_yml
from tests.synthetic_cities import LANGUAGES


@pytest.fixture(scope="module")
def real():
    return load_dataset_cached(LANGUAGES)


def _refuse(*args):
    raise AssertionError("the map documents were made again")


def test_map_documents_are_made_once_per_data_and_kept(real, tmp_path, monkeypatch):
    made = mapcache.map_documents(real, LANGUAGES, tmp_path)
    assert made == citymap.map_documents(real, LANGUAGES)
    assert len(list(tmp_path.glob("*.json"))) == 1
    monkeypatch.setattr(citymap, "map_documents", _refuse)
    assert mapcache.map_documents(real, LANGUAGES, tmp_path) == made


@pytest.mark.parametrize(
    "change",
    [
        lambda dataset, languages: (dataclasses.replace(dataset, cities=dataset.cities[1:]), languages),
        lambda dataset, languages: (dataset, languages[:2]),
    ],
    ids=["a city fewer", "fewer languages"],
)
def test_other_data_makes_other_documents(real, tmp_path, monkeypatch, change):
    mapcache.map_documents(real, LANGUAGES, tmp_path)
    monkeypatch.setattr(citymap, "map_documents", _refuse)
    with pytest.raises(AssertionError, match="made again"):
        mapcache.map_documents(*change(real, LANGUAGES), tmp_path)


def test_a_damaged_cache_file_is_made_again(real, tmp_path):
    made = mapcache.map_documents(real, LANGUAGES, tmp_path)
    [stored] = tmp_path.glob("*.json")
    stored.write_text(stored.read_text(encoding="utf-8")[:100], encoding="utf-8")  # a build stopped mid-write
    assert mapcache.map_documents(real, LANGUAGES, tmp_path) == made


def test_only_the_last_data_sets_are_kept(real, tmp_path):
    for n in range(mapcache.KEPT + 2):
        mapcache.map_documents(dataclasses.replace(real, cities=real.cities[n : n + 1]), LANGUAGES[:1], tmp_path)
    assert len(list(tmp_path.glob("*"))) == mapcache.KEPT


def test_a_build_with_its_maps_cached_never_imports_folium(tmp_path):
    # Every generator runs as in a build, in a fresh process, once to fill the cache and once again.
    script = (
        "import sys; from pathlib import Path\n"
        "from alliance.assembly import mapcache\n"
        "mapcache.MAP_CACHE = Path(sys.argv[2])\n"
        "from alliance.assembly.generated import write_generated\n"
        "from alliance.data.dataset import load_dataset_cached\n"
        f"languages = {LANGUAGES!r}\n"
        "write_generated(Path(sys.argv[1]), load_dataset_cached(languages), languages)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'folium'))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "content"), str(tmp_path / "cache")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] != "[]\n" and runs[1] == "[]\n"
    assert len(list((tmp_path / "content" / "map").glob("cities-map*.html"))) == len(LANGUAGES)


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


def test_a_cache_folder_that_cannot_be_written_only_costs_time(real, tmp_path):
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("", encoding="utf-8")
    assert mapcache.map_documents(real, LANGUAGES, blocked / "cache") == citymap.map_documents(real, LANGUAGES)
