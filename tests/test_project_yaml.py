"""The project's own YAML is read as strictly as its data: a repeated key is an error, not silently
the last one. mkdocs.yml goes through the reader the scripts and tests use (its !ENV tags read as
MkDocs reads them); the workflows, Dependabot's settings and the issue forms through the data's."""

from __future__ import annotations

import pytest
import yaml

from alliance.data.problems import DataError
from alliance.data.yamlload import load_yaml
from alliance.paths import MKDOCS_YML, ROOT
from alliance.siteconfig import read_mkdocs_yml

GITHUB = ROOT / ".github"
PROJECT_YAML = sorted(
    [
        *GITHUB.glob("workflows/*.yml"),
        *GITHUB.glob("ISSUE_TEMPLATE/*.yml"),
        GITHUB / "dependabot.yml",
        ROOT / ".pre-commit-config.yaml",
    ]
)


def test_mkdocs_yml_has_no_repeated_key_and_reads_its_environment(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/preview/")
    config = read_mkdocs_yml()
    assert config["site_url"] == "https://example.org/preview/"
    assert "/translation-status/" in config["not_in_nav"]


def test_a_repeated_key_in_mkdocs_yml_is_refused(tmp_path):
    text = MKDOCS_YML.read_text(encoding="utf-8")
    copy = tmp_path / "mkdocs.yml"
    copy.write_text(text + "\nnot_in_nav: |\n  /other/\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError, match='the field "not_in_nav" appears twice'):
        read_mkdocs_yml(copy)


@pytest.mark.parametrize("path", PROJECT_YAML, ids=lambda path: str(path.relative_to(ROOT)))
def test_project_yaml_reads_strictly(path):
    assert isinstance(load_yaml(path, str(path.relative_to(ROOT))).data, dict)


def test_a_repeated_key_in_a_workflow_is_refused(tmp_path):
    workflow = tmp_path / "site.yml"
    workflow.write_text("on: push\npermissions: {}\njobs: {}\npermissions:\n  contents: read\n", encoding="utf-8")
    with pytest.raises(DataError, match=r'site\.yml:4:1: the field "permissions" appears twice'):
        load_yaml(workflow, "site.yml")
