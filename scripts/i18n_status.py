"""Prints which pages and data texts are translated, missing or outdated in each language.

`make i18n-status`; CI prints it too. Exits 0 always: a missing translation is work to do, not
an error (the consistency of existing translations is checked by `make test`).
"""

from __future__ import annotations

import sys

from alliance.assembly.generated import generated_folders
from alliance.data.dataset import load_dataset
from alliance.data.problems import DataError
from alliance.paths import CONTENT_DIR
from alliance.siteconfig import load_site_config
from alliance.translations.consistency import check_translations
from alliance.translations.status import render_text, translation_status


def main() -> int:
    languages = load_site_config().codes
    try:
        dataset = load_dataset(languages)
    except DataError as error:
        print(f"The translation status needs valid data; `make check` reports:\n{error}")
        return 0
    generated = generated_folders()
    print(render_text(translation_status(dataset, languages, skip_folders=generated)), end="")
    problems = check_translations(CONTENT_DIR, languages, skip_folders=generated)
    if problems:
        print("\nTranslations that differ from their French page (`make test` fails on these):")
        print("\n".join(str(problem) for problem in problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
