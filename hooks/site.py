"""What the hooks share: the languages of the build and the validated data."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from alliance.assembly.sitecheck import check_site, fingerprint
from alliance.data.dataset import CACHE_DIR, Dataset
from alliance.data.problems import DataError


def i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def languages(config: MkDocsConfig) -> tuple[str, ...]:
    return tuple(language.locale for language in i18n(config).config.languages if language.build)


def current_language(config: MkDocsConfig) -> str:
    return i18n(config).current_language or i18n(config).default_language


def data_dir(config: MkDocsConfig) -> Path:
    """data/ beside mkdocs.yml, so that a copy of the project builds from its own data."""
    return Path(config.config_file_path).parent / "data"


# The data of the build under way: checked again (if its files changed) at the start of each
# language's build by load_data, then served to every page without looking at the files.
_loaded: list[Dataset] = []
# The fingerprint of the files the last check passed on (alliance.assembly.sitecheck.fingerprint).
_checked: list[str] = []


class ProblemsFound(PluginError):
    """Stops the build on the problems of the data or of a page, and carries them for the preview."""

    def __init__(self, message: str, error: DataError):
        super().__init__(f"{message}\n{error}")
        self.problems = error.problems


def load_data(config: MkDocsConfig) -> Dataset:
    """The data, after every rule of `make check` (the same function) passed on the project."""
    root = Path(config.config_file_path).parent
    state = fingerprint(Path(config.docs_dir), data_dir(config))
    if _loaded and _checked == [state]:
        return _loaded[0]
    try:
        _loaded[:] = [check_site(languages(config), root, data_dir(config), Path(config.docs_dir), CACHE_DIR)]
    except DataError as error:
        raise ProblemsFound("The data or the pages have problems; nothing was published.", error) from None
    except (RecursionError, MemoryError) as error:
        raise unexpected("content/", error) from None
    _checked[:] = [state]
    return _loaded[0]


def dataset(config: MkDocsConfig) -> Dataset:
    return _loaded[0] if _loaded else load_data(config)


def report(error: DataError) -> PluginError:
    return ProblemsFound("A page has problems; nothing was published.", error)


def unexpected(where: str, error: BaseException) -> PluginError:
    """One line naming the file being processed, in place of a traceback."""
    detail = " ".join(str(error).split())[:300]
    return PluginError(
        f"{where}: the build stopped on an unexpected error ({type(error).__name__}{': ' + detail if detail else ''}); "
        "nothing was published. Please report it with this line."
    )


def guarded(where: Callable[..., str]):
    """Wraps a hook: a data problem is reported as such, any other error as one line naming the
    file being processed (`where` of the hook's arguments, or the note a generator added)."""

    def decorate(hook):
        @functools.wraps(hook)
        def run(*args, **kwargs):
            try:
                return hook(*args, **kwargs)
            except PluginError:
                raise
            except DataError as error:
                raise report(error) from None
            except Exception as error:
                notes = getattr(error, "__notes__", None)
                raise unexpected(notes[-1] if notes else where(*args, **kwargs), error) from None

        return run

    return decorate


def page_file(*args, page, **kwargs) -> str:
    """The page a page event is processing, as `where` of guarded."""
    return f"content/{page.file.src_uri}"
