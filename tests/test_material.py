"""Material's own scripts are taken out of the built site (alliance/assembly/material.py)."""

from __future__ import annotations

from alliance.assembly.material import drop_material_scripts


def test_materials_scripts_are_dropped_and_nothing_else(tmp_path):
    scripts = tmp_path / "assets" / "javascripts"
    (scripts / "workers").mkdir(parents=True)
    (scripts / "bundle.js").write_text("x", encoding="utf-8")
    (scripts / "workers" / "search.js").write_text("x", encoding="utf-8")
    (tmp_path / "assets" / "stylesheets").mkdir()
    (tmp_path / "assets" / "site.js").write_text("x", encoding="utf-8")

    drop_material_scripts(tmp_path)

    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "assets",
        "assets/site.js",
        "assets/stylesheets",
    ]


def test_a_site_without_materials_scripts_is_left_as_it_is(tmp_path):
    # `mkdocs serve` rebuilds into the same folder: the scripts may be gone already.
    (tmp_path / "index.html").write_text("x", encoding="utf-8")
    drop_material_scripts(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
