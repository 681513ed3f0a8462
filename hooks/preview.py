"""`mkdocs serve` shows the build's problems instead of hanging, and rebuilds once per save.

MkDocs' preview stalls every request while its last build failed ("The server will appear stuck
until build errors are resolved"), and a failed first build ends it. In serve mode only, each
build (the first included) is therefore run through _build_or_show_problems: on failure the
preview's site is replaced by one page listing the problems (alliance/assembly/problempage.py),
which reloads itself until the next build succeeds. `mkdocs build` is untouched: it still
stops with exit 1. The folders the build generates inside content/ are not watched, so writing
them does not start a second build.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.commands import serve as serve_command
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from alliance.assembly.generated import generated_folders
from alliance.assembly.problempage import guides_hints, problem_page
from alliance.data.problems import Problem

log = logging.getLogger("mkdocs.hooks.preview")


class _Warnings(logging.Handler):
    """The warnings of a build: in strict mode they are what made it fail."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build_or_show_problems(build):
    def build_or_show(config: MkDocsConfig, **options) -> None:
        warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            build(config, **options)
        except BaseException as error:  # Abort is a SystemExit
            if isinstance(error, KeyboardInterrupt):
                raise
            problems = _problems_of(error)
            messages = [] if problems else [m for m in warnings.messages if "Aborted" not in m] or [str(error)]
            _show_problems(Path(config.site_dir), problems, messages)
            log.error("The preview shows the problems above at every address until they are fixed.")
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)

    return build_or_show


def _problems_of(error: BaseException | None) -> list[Problem]:
    """The problems carried by the error or by the one it was raised from (hooks.site.ProblemsFound;
    MkDocs raises its Abort while handling it, and the i18n plugin builds languages inside)."""
    while error is not None:
        if problems := getattr(error, "problems", None):
            return list(problems)
        error = error.__cause__ or error.__context__
    return []


def _show_problems(site_dir: Path, problems: list[Problem], messages: list[str]) -> None:
    page = problem_page(problems, messages, guides_hints())
    for entry in site_dir.iterdir() if site_dir.is_dir() else ():
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    site_dir.mkdir(parents=True, exist_ok=True)
    for name in ("index.html", "404.html"):  # the preview answers 404.html for any other address
        (site_dir / name).write_text(page, encoding="utf-8")


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve" and not getattr(serve_command.build, "shows_problems", False):
        serve_command.build = _build_or_show_problems(serve_command.build)
        serve_command.build.shows_problems = True  # type: ignore[attr-defined]  # marks MkDocs' function as wrapped


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    # content/ minus the folders the build writes: its own files, then each hand-written folder.
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and p.name not in generated_folders()):
        server.watch(str(folder))
    return server
