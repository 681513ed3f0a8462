"""`make build` never ends on a traceback: a page or a generator that fails is one line naming it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from alliance.data.problems import DataError, Problem
from alliance.paths import ROOT
from hooks.site import guarded, page_file


@pytest.fixture
def project_copy(tmp_path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("content", "data", "theme", "hooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def build(project: Path, before: str = "") -> str:
    """`mkdocs build --strict` of the copy, after the Python statements `before` (a fault to inject)."""
    script = f"{before}\nimport sys\nfrom mkdocs.__main__ import cli\nsys.exit(cli())"
    command = [sys.executable, "-c", script, "build", "--strict", "--site-dir", str(project / "site")]
    result = subprocess.run(
        command, cwd=project, capture_output=True, text=True, check=False, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert not (project / "site").exists()
    return output


def test_a_generator_that_fails_is_one_line_naming_its_folder(project_copy):
    output = build(
        project_copy,
        (
            "import alliance.assembly.generated as generated\n"
            "def failing(dataset, languages):\n"
            "    raise ValueError('an unforeseen value')\n"
            "generated.GENERATORS.insert(0, ('cities', failing))"
        ),
    )
    assert (
        "content/cities/ (made by __main__.failing): the build stopped on an unexpected error "
        "(ValueError: an unforeseen value); nothing was published." in output
    )


def test_a_page_that_is_not_utf8_is_a_problem_with_its_line(project_copy):
    page = project_copy / "content" / "about.md"
    page.write_bytes(page.read_bytes() + b"\nCaf\xe9\n")
    line = page.read_bytes().count(b"\n")
    output = build(project_copy)
    assert f"content/about.md:{line}:4: the file is not valid UTF-8 text: save it with the UTF-8 encoding" in output


def test_guarded_hooks_report_data_problems_and_name_the_page_of_any_other_error():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="cities/lisbon.md"))

    @guarded(page_file)
    def hook(markdown, page, config, files):
        raise {"data": DataError([Problem("content/cities/lisbon.md", 3, 1, "a problem")]), "bug": KeyError("x")}[
            markdown
        ]

    with pytest.raises(PluginError) as data:
        hook("data", page=page, config=None, files=None)
    assert "content/cities/lisbon.md:3:1: a problem" in str(data.value)
    with pytest.raises(PluginError) as bug:
        hook("bug", page=page, config=None, files=None)
    assert str(bug.value).startswith(
        "content/cities/lisbon.md: the build stopped on an unexpected error (KeyError: 'x')"
    )
