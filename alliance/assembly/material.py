"""Material for MkDocs' scripts, left out of the built site.

The pages load none of them (theme/main.html: the drawer, the navigation and the language
selector work with CSS alone, content/assets/site.js does the rest), yet Material copies its
bundle, its search worker and lunr into every build: they are removed, so that nothing unused is
published and no page can come to load them unnoticed (the link check fails on a reference).
"""

from __future__ import annotations

import shutil
from pathlib import Path

SCRIPTS_FOLDER = Path("assets/javascripts")


def drop_material_scripts(site_dir: Path) -> None:
    shutil.rmtree(site_dir / SCRIPTS_FOLDER, ignore_errors=True)
