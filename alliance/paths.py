"""Where the project's files are; every module and script takes its paths from here."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SCHEMA_DIR = DATA_DIR / "schemas"
CONTENT_DIR = ROOT / "content"
MKDOCS_YML = ROOT / "mkdocs.yml"


def display_path(path: Path) -> str:
    """How a file is named in problem reports: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
