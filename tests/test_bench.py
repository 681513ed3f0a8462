"""The benchmark's plain site is the real configuration minus its hooks."""

from __future__ import annotations

from alliance.paths import MKDOCS_YML
from alliance.siteconfig import load_site_config
from scripts.bench import copy_site, without_hooks


def test_plain_site_config_keeps_everything_but_the_hooks(tmp_path):
    config = copy_site(tmp_path, with_generated=False)
    without_hooks(config)
    text = config.read_text(encoding="utf-8")
    assert "hooks:" in MKDOCS_YML.read_text(encoding="utf-8")
    assert "hooks:" not in text and "hooks/" not in text
    assert load_site_config(config) == load_site_config()
    removed = [line for line in MKDOCS_YML.read_text(encoding="utf-8").splitlines() if line not in text.splitlines()]
    assert removed and all(line == "hooks:" or line.strip().startswith("- hooks/") for line in removed)
    assert (tmp_path / "content" / "index.md").is_file() and (tmp_path / "theme").is_dir()
