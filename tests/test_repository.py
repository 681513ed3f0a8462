"""The repository is the product: what is committed holds nothing of the machine it was written
on, points nowhere outside itself, and survives the ignore files maintainers commonly have."""

from __future__ import annotations

import re
import subprocess

import pytest

from alliance.paths import ROOT

pytestmark = pytest.mark.repository

# Absolute paths of a developer's machine: home folders (Linux, macOS, Windows, root's), work trees
# (a `work` or `workspace` folder at the root) and temporary folders (Linux, macOS, Windows).
MACHINE_PATH = re.compile(
    r"(?<![\w.~/-])(?:"
    r"/(?:home|Users)/[\w.-]+"
    r"|/root(?=/|\b)"
    r"|/(?:work|workspace)/"
    r"|/(?:tmp|var/tmp|var/folders|private/var/folders)/"
    r"|[A-Za-z]:[\\/](?:Users|Documents and Settings)[\\/]"
    r"|AppData[\\/]Local[\\/]Temp"
    r")"
)
# The files that must hold such a path, each with why; a fixture that needs one is added here.
MACHINE_PATHS_ALLOWED = {"tests/test_repository.py": "the examples of the paths this check finds"}


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [name for name in listed.decode().split("\0") if name and (ROOT / name).is_file()]


def text_of(name: str) -> str | None:
    data = (ROOT / name).read_bytes()
    return None if b"\0" in data else data.decode("utf-8", errors="replace")


def machine_paths(text: str) -> list[str]:
    return [match.group(0) for match in MACHINE_PATH.finditer(text)]


def rooted(*parts: str) -> str:
    """An absolute path, put together so that this file names no folder of a real machine."""
    return "/" + "/".join(parts)


@pytest.mark.parametrize(
    "text",
    [
        f"see {rooted('work', 'site', 'x.md')}",
        f"cd {rooted('home', 'ana', 'site')}",
        f"open('{rooted('Users', 'ana', 'x')}')",
        f"'{rooted('tmp', 'pytest-of-ana', 'x')}'",
        f"cache in {rooted('var', 'folders', 'xy', 'T')}/",
        r"C:\Users\ana\site",
        "HOME=/root make",
        r"%USERPROFILE%\AppData\Local\Temp\x",
    ],
)
def test_a_path_of_a_developers_machine_is_found(text):
    assert machine_paths(text)


@pytest.mark.parametrize(
    "text",
    [
        "rm -rf site.tmp/",
        f"https://example.org{rooted('tmp', 'x')} and https://example.org{rooted('work', 'y')}",
        "$RUNNER_TEMP/proposal",
        "/usr/bin/chromium",
        "content/practices/x.md",
        "tmp_path / 'home' / 'x'",
    ],
)
def test_a_path_of_the_repository_or_the_web_is_no_machine_path(text):
    assert machine_paths(text) == []


def test_no_tracked_file_holds_a_path_of_a_developers_machine():
    found = {}
    for name in tracked_files():
        text = text_of(name)
        if text is not None and name not in MACHINE_PATHS_ALLOWED and (paths := machine_paths(text)):
            found[name] = paths
    assert found == {}
    assert set(MACHINE_PATHS_ALLOWED) <= set(tracked_files())


# A relative path (`../shared/x.md`, a Markdown link) that leads out of the repository. The pages of
# content/, the tests (their fixtures and cases) and the contributor's guides (whose examples are
# written from a page of content/) hold links between the site's pages instead: not looked at.
RELATIVE_PATH = re.compile(r"(?<![\w./-])((?:\.\./)+[\w.-][\w./-]*)")
SITE_LINKS = ("content/", "tests/", "CONTRIBUTING")


def test_no_document_points_outside_the_repository():
    outside = []
    for name in tracked_files():
        if not name.startswith(SITE_LINKS) and (text := text_of(name)):
            for number, line in enumerate(text.splitlines(), 1):
                for path in RELATIVE_PATH.findall(line):
                    if not (ROOT / name).parent.joinpath(path).resolve().is_relative_to(ROOT.resolve()):
                        outside.append(f"{name}:{number}: {path}")
    assert outside == []


# The folder patterns of GitHub's ignore file for Python projects (github/gitignore, Python.gitignore),
# the one many projects and global ignore files start from: a folder of ours matching one of them
# is lost from `git add` by whoever has it.
PYTHON_GITIGNORE_FOLDERS = (
    "__pycache__/",
    "build/",
    "develop-eggs/",
    "dist/",
    "downloads/",
    "eggs/",
    ".eggs/",
    "lib/",
    "lib64/",
    "parts/",
    "sdist/",
    "var/",
    "wheels/",
    "share/python-wheels/",
    "*.egg-info/",
    "htmlcov/",
    ".tox/",
    ".nox/",
    "cover/",
    ".hypothesis/",
    ".pytest_cache/",
    "instance/",
    "docs/_build/",
    ".pybuilder/",
    "target/",
    "profile_default/",
    "__pypackages__/",
    "env/",
    "venv/",
    "ENV/",
    "env.bak/",
    "venv.bak/",
    ".mypy_cache/",
    ".pyre/",
    ".pytype/",
    "cython_debug/",
    ".ruff_cache/",
    ".pdm-build/",
    ".ipynb_checkpoints",
    ".cache",
    ".venv",
    ".scrapy",
    ".webassets-cache",
    "/site",
)


def ignored_by(patterns, paths: list[str], folder) -> list[str]:
    """The paths git leaves out of `git add` for someone whose global ignore file holds `patterns`
    (and for everyone: the repository's .gitignore)."""
    excludes = folder / "global.gitignore"
    excludes.write_text("\n".join(patterns) + "\n", encoding="utf-8")
    return subprocess.run(
        ["git", "-c", f"core.excludesFile={excludes}", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT,
        input="\n".join(paths),
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()


def test_no_folder_of_ours_is_caught_by_common_ignore_patterns(tmp_path):
    assert ignored_by(PYTHON_GITIGNORE_FOLDERS, tracked_files(), tmp_path) == []


def test_the_ignore_patterns_catch_a_folder_named_like_build_output(tmp_path):
    # The check above would pass on any input if git read no pattern.
    paths = ["alliance/build/generated.py", "alliance/lib/x.py", "alliance/assembly/generated.py"]
    assert ignored_by(PYTHON_GITIGNORE_FOLDERS, paths, tmp_path) == paths[:2]


# What the commands create (make clean removes them) and the tools' caches: never committed.
CREATED = [
    ".venv/x",
    ".venv-build/x",
    "node_modules/x",
    "site/index.html",
    "site.tmp/x",
    "mutants/x",
    ".cache/x",
    "__pycache__/x.pyc",
    "alliance/__pycache__/x.pyc",
    ".pytest_cache/x",
    ".hypothesis/x",
    ".mypy_cache/x",
    ".ruff_cache/x",
    "alliance_migrations_site.egg-info/PKG-INFO",
    "content/agenda/index.md",
]


def test_what_the_commands_create_is_ignored_and_listed_once(tmp_path):
    assert ignored_by((), CREATED, tmp_path) == CREATED
    makefile_clean = re.search(r"^clean:\n\trm -rf (.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert {path.split("/")[0] for path in CREATED} >= set(makefile_clean.group(1).split())
    patterns = [
        line for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    ]
    assert len(patterns) == len(set(patterns)), sorted(p for p in patterns if patterns.count(p) > 1)
