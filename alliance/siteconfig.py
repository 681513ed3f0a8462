"""The site's languages, read from mkdocs.yml: the one list of languages in the project."""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from alliance.data.yamlload import StrictLoader
from alliance.localized import language_prefix
from alliance.paths import MKDOCS_YML


@dataclass(frozen=True)
class Language:
    code: str
    name: str


@dataclass(frozen=True)
class SiteConfig:
    languages: tuple[Language, ...]
    default_language: str

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)


class _ConfigLoader(StrictLoader):
    """Reads mkdocs.yml as strictly as the data (a repeated key is an error, not silently the last
    one), without evaluating its MkDocs-specific tags (!ENV, !!python/name)."""

    refuses_tags = False  # its !ENV and !!python/name tags are read below


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _environment_value(loader: yaml.SafeLoader, node: yaml.ScalarNode | yaml.SequenceNode) -> str | None:
    """`!ENV NAME` or `!ENV [NAME, default]` as MkDocs reads them, so that site_url has its value."""
    if isinstance(node, yaml.SequenceNode):
        name, *default = loader.construct_sequence(node)
        return os.environ.get(name, default[0] if default else None)
    return os.environ.get(loader.construct_scalar(node))


_ConfigLoader.add_constructor("!ENV", _environment_value)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


# Parsed once per process and state of the file and the environment (a build asks for it from
# several generators and for each language); callers get a copy they may change.
_parsed: dict[tuple, dict] = {}


def read_mkdocs_yml(path: Path = MKDOCS_YML) -> dict:
    """mkdocs.yml as written, its MkDocs-specific tags read as empty values; yaml.YAMLError if a
    key is repeated."""
    text = path.read_text(encoding="utf-8")
    key = (text, tuple(sorted(os.environ.items())))  # !ENV values come from the environment
    if key not in _parsed:
        _parsed.clear()
        _parsed[key] = yaml.load(text, Loader=_ConfigLoader)
    return copy.deepcopy(_parsed[key])


def load_site_config(path: Path = MKDOCS_YML) -> SiteConfig:
    return site_config_from_plugins(read_mkdocs_yml(path).get("plugins", []))


def site_config_from_plugins(plugins: list) -> SiteConfig:
    """Finds the i18n plugin's languages in a `plugins:` list as written in mkdocs.yml."""
    for plugin in plugins:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            languages = tuple(Language(entry["locale"], entry["name"]) for entry in entries if entry.get("build", True))
            default = next(entry["locale"] for entry in entries if entry.get("default"))
            return SiteConfig(languages, default)
    raise ValueError("mkdocs.yml has no i18n plugin with languages")


@dataclass(frozen=True)
class Publication:
    """Where the site is published and in which regional variety each language is written."""

    site_url: str
    regional_locales: dict[str, str]

    def page_url(self, language: str, default_language: str, path: str) -> str:
        """The absolute address of a page (`agenda/`) in a language's part of the site."""
        return f"{self.site_url.rstrip('/')}/{language_prefix(language, default_language)}{path}"


def load_publication(path: Path = MKDOCS_YML) -> Publication:
    """site_url (SITE_URL overrides it, as in the build) and extra.og_locale of mkdocs.yml."""
    config = read_mkdocs_yml(path)
    return Publication(config.get("site_url") or "", dict((config.get("extra") or {}).get("og_locale") or {}))
