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
from alliance.paths import ROOT
from tests.conftest import GENERATOR, build_site

BROKEN_LINE = ("    country: PT\n", "    country PT\n")  # a missing colon in data/cities.yaml


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
