"""Pages generated from the data, written as Markdown files into folders of content/.

The i18n plugin only handles real files inside docs_dir, so generated pages are files: each
generator owns a folder of content/ (git-ignored) and the build rewrites a file only when its
text changed, so that `mkdocs serve` does not rebuild forever.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping

from alliance.dataset import Dataset
from alliance.localized import ORIGINAL_LANGUAGE

# A generator returns {path inside its folder: Markdown text} for every language.
Generator = Callable[[Dataset, tuple[str, ...]], Mapping[str, str]]

# The folders of content/ that the build owns, each with its generator. .gitignore lists them.
GENERATORS: dict[str, Generator] = {}


def localized_name(stem: str, language: str) -> str:
    """The i18n plugin's suffix convention: French (the original) has no suffix."""
    return f"{stem}.md" if language == ORIGINAL_LANGUAGE else f"{stem}.{language}.md"


def write_folder(folder: Path, pages: Mapping[str, str]) -> bool:
    """Makes `folder` hold exactly `pages`; returns whether any file changed."""
    changed = False
    wanted = {folder / relative for relative in pages}
    if folder.exists():
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                changed = True
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for relative, text in pages.items():
        path = folder / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed = True
    return changed


def write_generated(content_dir: Path, dataset: Dataset, languages: tuple[str, ...]) -> bool:
    changed = False
    for folder, generate in GENERATORS.items():
        changed |= write_folder(content_dir / folder, generate(dataset, languages))
    return changed
