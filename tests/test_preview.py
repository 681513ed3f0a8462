"""The preview (`mkdocs serve`) shows the problems at every address instead of hanging, recovers
on the next save, and rebuilds once per save; the strict build still fails on them."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from alliance.assembly.generated import generated_folders
from alliance.assembly.problempage import Hint, guides_hints, hint_for, problem_page
from alliance.data.problems import Problem
from alliance.data.yamlload import MAX_TEXT
from alliance.paths import ROOT
from scripts.synthetic import hostile_hint_messages
from tests.conftest import GENERATOR, build_site

BROKEN_LINE = ("    country: PT\n", "    country PT\n")  # a missing colon in data/cities.yaml


def test_the_problem_page_lists_each_problem_with_its_hints_in_french_and_english_escaped():
    problems = [
        Problem("data/cities.yaml", 3, 5, 'the field "name" appears twice (first on line 2)'),
        Problem(
            "data/actions.yaml",
            9,
            7,
            'actions[0].place.city: no city has the id "<script>x</script>" in data/cities.yaml',
        ),
        Problem("data/\x1b[2Jcities.yaml", 1, 1, 'unknown field "x\n::error file=a::y"'),
    ]
    page = problem_page(problems, ["a warning & <b>more</b>\n\x1b[31mits second line"], guides_hints())
    assert (
        "<title>4 problèmes : le site ne peut pas être construit · 4 problems: the site cannot be built</title>" in page
    )
    assert '<html lang="fr">' in page
    assert "data/cities.yaml:3:5: the field &quot;name&quot; appears twice" in page
    # The hints of CONTRIBUTING.md, then of CONTRIBUTING.en.md, each marked with its language.
    assert '<span class="hint" lang="fr">le champ est écrit deux fois : gardez-en un seul</span>' in page
    assert '<span class="hint" lang="en">the field is written twice: keep one</span>' in page
    assert (
        "la ville n&#x27;existe pas encore" in page and "the city does not exist yet: add it, or correct the id" in page
    )
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    # Control characters are shown as escapes: none reaches the page.
    assert "data/\\x1b[2Jcities.yaml:1:1: unknown field &quot;x\\n::error file=a::y&quot;" in page
    assert "\x1b" not in page and "\n::error" not in page
    assert "<pre>a warning &amp; &lt;b&gt;more&lt;/b&gt;\n\\x1b[31mits second line</pre>" in page
    assert '<meta http-equiv="refresh"' in page


def test_one_problem_is_named_in_the_singular():
    assert "<title>1 problème : le site ne peut pas être construit · 1 problem: the site cannot be built</title>" in (
        problem_page([Problem("f.yaml", 1, 1, "x")])
    )


@pytest.mark.parametrize(
    ("message", "french", "english"),
    [
        (
            "cities[3].coordinates.lat: 100 is too large: the largest allowed value is 90",
            "une coordonnée ou un nombre hors limites",
            "a coordinate or number out of bounds",
        ),
        (
            'cities[1].country: "XX" is not an ISO 3166-1 country code (did you mean YY?)',
            "écrivez le code proposé",
            "write the code suggested",
        ),
        (
            "a tab character is used for indentation: YAML needs spaces",
            "remplacez les tabulations par des espaces",
            "replace the tabs with spaces",
        ),
        (
            'cities[4].id: the id "porto" is already used at data/cities.yaml:12',
            "l'identifiant est déjà pris",
            "the identifier is taken",
        ),
        (
            "cities[0].name.fr: this text contains U+001B (\\x1b), a control character: remove it",
            "un caractère de contrôle",
            "a control character",
        ),
        (
            'cities[2].country: "UK" is not an ISO 3166-1 country code (did you mean GB?)',
            "`UK` et `EL`",
            "`UK` and `EL`",
        ),
        (
            "the header of this block text is not valid: after '|' or '>' may come one '-' or '+' and one digit",
            "écrivez `>-`",
            "write `>-`",
        ),
        ("something no row of the guide describes", None, None),
    ],
)
def test_hints_come_from_the_guides(message, french, english):
    hints = guides_hints()
    for language, hint in (("fr", french), ("en", english)):
        found = hint_for(message, hints[language])
        assert (found is None) if hint is None else hint in found


@pytest.mark.parametrize(
    ("message", "matches"),
    [
        ('the id "a" is already used by cities.yaml:3', True),
        ('the id "" is already used by cities.yaml:3', False),  # a placeholder holds at least one character
        ('the id "a" is already used by ', False),
        ('is already used by the id "a" x', False),  # the fixed texts in their order
        ('x the id "a" is already used by y', True),
    ],
)
def test_a_hint_matches_its_fixed_texts_in_order_with_text_between(message, matches):
    hint = Hint(('the id "', '" is already used by ', ""), "choose another identifier")
    assert hint.matches(message) is matches


def test_hint_matching_is_linear_in_the_length_of_the_message():
    """Eight problems quoting values at the size limit, built to make each row's pattern backtrack
    (its fixed texts repeated without the last one): each row looks for each of its fixed texts
    once, whatever the message (the regular expressions of `.+?` took minutes)."""

    class CountingText(str):
        searches = 0

        def find(self, *arguments):
            CountingText.searches += 1
            return super().find(*arguments)

    hints = guides_hints()["en"]
    assert all(isinstance(hint.parts, tuple) and all(isinstance(p, str) for p in hint.parts) for hint in hints)
    messages = hostile_hint_messages(hints, MAX_TEXT)
    assert len(messages) == 8 and all(len(m) >= MAX_TEXT for m in messages)
    for message in messages:
        hint_for(CountingText(message), hints)
    assert 0 < CountingText.searches <= len(messages) * sum(len(hint.parts) for hint in hints)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's sources, without the pages the build generates."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "hooks", "theme", "data"):
        source = ROOT / name
        shutil.copytree(source, copy / name) if source.is_dir() else shutil.copy(source, copy / name)
    shutil.copytree(
        ROOT / "content",
        copy / "content",
        ignore=lambda folder, names: generated_folders() if Path(folder) == ROOT / "content" else (),
    )
    return copy


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(condition, what: str, log: Path, seconds: float = 150):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if result := condition():
                return result
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"{what} within {seconds} s; the preview's log:\n{log.read_text(encoding='utf-8')[-3000:]}")


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    return match.group(1) if match else ""


def test_the_preview_shows_problems_then_recovers_one_build_per_save(project):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    command = [
        sys.executable,
        "-m",
        GENERATOR,
        "serve",
        "--strict",
        "--dev-addr",
        f"127.0.0.1:{port}",
        "--watch",
        "data",
        "--watch",
        "theme",
    ]
    cities = project / "data" / "cities.yaml"
    text = cities.read_text(encoding="utf-8")
    assert text.count(BROKEN_LINE[0]) >= 1
    # It starts on the broken data (a build that stops early: one whole build in the test, not two),
    # recovers, then shows the problem again over the pages it built.
    cities.write_text(text.replace(*BROKEN_LINE, 1), encoding="utf-8")
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:

        def builds() -> int:
            return log.read_text(encoding="utf-8").count("Building documentation...")

        def shows_the_problem() -> None:
            _, html = wait_for(lambda: (r := fetch(page)) and "problem" in title(r[1]) and r, "no problem page", log)
            assert re.search(r"cities\.yaml:\d+:\d+: this line is not of the form", html)
            assert "the line given lacks the <code>:</code> after its field" in html  # its hint
            assert "problem" in title(fetch(base + "pt/no-such-page/")[1])  # every address

        page = base + "en/about/"
        shows_the_problem()
        assert builds() == 1

        cities.write_text(text, encoding="utf-8")
        wait_for(lambda: fetch(page)[0] == 200 and title(fetch(page)[1]).startswith("About"), "no recovery", log)
        time.sleep(3)  # a second build would have started by now
        assert builds() == 2, log.read_text(encoding="utf-8")

        cities.write_text(text.replace(*BROKEN_LINE, 1), encoding="utf-8")
        shows_the_problem()  # over the pages of the build before
        assert builds() == 3
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)


def test_the_strict_build_still_fails_on_the_same_problem(project, tmp_path):
    cities = project / "data" / "cities.yaml"
    cities.write_text(cities.read_text(encoding="utf-8").replace(*BROKEN_LINE, 1), encoding="utf-8")
    result = build_site(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode == 1
    assert re.search(r"cities\.yaml:\d+:\d+: this line is not of the form", result.stdout + result.stderr)
    assert not (tmp_path / "site" / "index.html").exists()
