"""The map documents of the last data sets, kept between builds in a git-ignored folder.

Making them is folium's work (alliance/pages/citymap.py): importing folium alone costs ~0.4 s
CPU, a tenth of a build, and most builds (a page edited, a translation, `mkdocs serve`) do not
change what the map shows. The documents are stored under a hash of everything they are made
from: the cities, the labels, the languages, the code of alliance/ and the versions of the
libraries that write them. A changed input is a new hash, never a stale map.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

from alliance.data.dataset import Dataset
from alliance.data.schemas import vocabulary
from alliance.paths import CACHE_DIR, ROOT

MAP_CACHE = CACHE_DIR / "map-documents"
# Documents of this many data sets are kept (a preview, a test's variant, a branch switched to).
KEPT = 8
_LIBRARIES = ("folium", "branca", "jinja2", "babel")


def inputs_hash(dataset: Dataset, languages: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for part in (repr(languages), repr(dataset.cities), repr(dataset.labels), repr(vocabulary("role"))):
        digest.update(part.encode("utf-8") + b"\0")
    for library in _LIBRARIES:
        digest.update(f"{library}=={version(library)}\0".encode())
    package = ROOT / "alliance"
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read(path: Path) -> dict[str, str] | None:
    try:
        documents = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent, or cut short by a build that was stopped
    return documents if isinstance(documents, dict) else None


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0  # removed meanwhile by another build


def _write(path: Path, documents: dict[str, str]) -> None:
    """Stores the documents if it can: a folder that cannot be written only costs the next build time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside then renamed: builds running side by side (tests) never read half a file.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as temporary:
            json.dump(documents, temporary, ensure_ascii=False)
        os.replace(temporary.name, path)
        kept = sorted(path.parent.glob("*.json"), key=_modified, reverse=True)
        for old in kept[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def map_documents(dataset: Dataset, languages: tuple[str, ...], cache: Path | None = None) -> dict[str, str]:
    """alliance.pages.citymap.map_documents, made only when no build has made them yet."""
    path = (cache or MAP_CACHE) / f"{inputs_hash(dataset, languages)}.json"
    documents = _read(path)
    if documents is None:
        # Imported here: folium is loaded only when a document must be made.
        from alliance.pages import citymap

        documents = citymap.map_documents(dataset, languages)
        _write(path, documents)
    return documents
