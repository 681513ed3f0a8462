"""Where the project's files are; every module and script takes its paths from here."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SCHEMA_DIR = DATA_DIR / "schemas"
CONTENT_DIR = ROOT / "content"
MKDOCS_YML = ROOT / "mkdocs.yml"
