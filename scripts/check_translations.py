"""Checks that every translation of content/ keeps its French page's headings, anchors and links.

Part of `make check` (and of `make test`): prints each difference as `file:line:column: message`
and exits 1 if there is any.
"""

from __future__ import annotations

import sys

from alliance.assembly.generated import generated_folders
from alliance.data.problems import format_report
from alliance.paths import CONTENT_DIR
from alliance.siteconfig import load_site_config
from alliance.translations.consistency import check_translations


def main() -> int:
    problems = check_translations(CONTENT_DIR, load_site_config().codes, skip_folders=generated_folders())
    if problems:
        print(format_report(problems), file=sys.stderr)
        return 1
    print("Translations: every translated page keeps its French page's headings, anchors and links.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
