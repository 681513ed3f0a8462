"""What the hooks share: the languages of the build and the validated data."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from alliance.dataset import Dataset, load_dataset_cached
from alliance.problems import DataError


def i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def languages(config: MkDocsConfig) -> tuple[str, ...]:
    return tuple(language.locale for language in i18n(config).config.languages if language.build)


def current_language(config: MkDocsConfig) -> str:
    return i18n(config).current_language or i18n(config).default_language


def data_dir(config: MkDocsConfig) -> Path:
    # The data beside mkdocs.yml: the benchmark builds copies of the site with other data.
    return Path(config.config_file_path).parent / "data"


def dataset(config: MkDocsConfig) -> Dataset:
    try:
        return load_dataset_cached(languages(config), data_dir(config))
    except DataError as error:
        raise PluginError(f"The data has problems; nothing was published.\n{error}") from None


def report(error: DataError) -> PluginError:
    return PluginError(f"A page has problems; nothing was published.\n{error}")
