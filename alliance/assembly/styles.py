"""Material's style sheets cut down to the rules the built site can use (issue 23), by PurgeCSS.

Material ships one style sheet for all its features (admonitions, tabs, code, its own search, a
dark scheme, forty colours ...): a page of this site used a quarter of it, and Lighthouse counted
17 KiB of it unused on every page. PurgeCSS keeps every rule whose classes, ids, tags and attribute
values appear in the built site: its HTML files and the scripts that write markup into the pages.
It reads each build's own output, so a page that starts using a new kind of markup keeps its rules.

A trimmed sheet is named by its own content's hash, as Material names its sheets, and every page
is pointed to the new name; Material's source maps, which describe the whole sheet, are left out.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from alliance.assembly.vendor import NODE_MODULES

PURGECSS = NODE_MODULES / "purgecss" / "bin" / "purgecss.js"
STYLESHEETS = Path("assets/stylesheets")
# Besides the HTML, the scripts that put markup into the pages: the site's own, and Pagefind's
# interface (its results sit in Material's typeset article: lists, marks, images).
MARKUP_SCRIPTS = ("assets/site.js", "pagefind/pagefind-ui.js")


class StylesTrimFailed(Exception):
    """PurgeCSS could not run; the message says why."""


@dataclass(frozen=True)
class TrimmedSheet:
    name: str  # Material's
    trimmed_name: str
    size: int
    trimmed_size: int


def _hashed_name(name: str, text: bytes) -> str:
    """main.57a0d79d.min.css -> main.<8 hex digits of the text's hash>.min.css"""
    stem, _, rest = name.partition(".")
    return f"{stem}.{hashlib.sha256(text).hexdigest()[:8]}.{rest.partition('.')[2]}"


def trim_styles(site_dir: Path) -> list[TrimmedSheet]:
    """Trims Material's sheets in site_dir/assets/stylesheets/ and points every page to them."""
    node = shutil.which("node")
    if node is None:
        raise StylesTrimFailed("Node.js (node) is not on PATH: the build needs it, as README says")
    if not PURGECSS.is_file():
        raise StylesTrimFailed(f"{PURGECSS.relative_to(NODE_MODULES.parent)} is missing: run npm ci (make does)")
    sheets = sorted((site_dir / STYLESHEETS).glob("*.min.css"))
    content = [str(site_dir / "**" / "*.html")] + [
        str(site_dir / script) for script in MARKUP_SCRIPTS if (site_dir / script).is_file()
    ]
    with tempfile.TemporaryDirectory() as output:
        result = subprocess.run(
            [node, str(PURGECSS), "--css", *map(str, sheets), "--content", *content, "--output", output],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise StylesTrimFailed((result.stdout + result.stderr).strip())
        trimmed = [(sheet, (Path(output) / sheet.name).read_bytes()) for sheet in sheets]
    renamed: dict[str, str] = {}
    report = []
    for sheet, text in trimmed:
        name = _hashed_name(sheet.name, text)
        report.append(TrimmedSheet(sheet.name, name, sheet.stat().st_size, len(text)))
        sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
        sheet.with_name(name).write_bytes(text)
        renamed[sheet.name] = name
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        pointed = html
        for old, new in renamed.items():
            pointed = pointed.replace(f"{STYLESHEETS.as_posix()}/{old}", f"{STYLESHEETS.as_posix()}/{new}")
        if pointed != html:
            page.write_text(pointed, encoding="utf-8")
    return report
