"""Country codes, from the ISO 3166-1 list that pycountry keeps, and their names in each language,
from CLDR (through Babel), never hand-translated."""

from __future__ import annotations

import difflib
import re
from functools import cache

import pycountry
from babel import Locale

# The one code accepted outside ISO 3166-1: XK, Kosovo, a user-assigned code that the European
# Union, the IMF and CLDR use. Without it a member city in Kosovo could not be recorded, or only
# under another country's code (CONTRIBUTING, "country").
USER_ASSIGNED_CODES = frozenset({"XK"})


@cache
def country_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries) | USER_ASSIGNED_CODES


@cache
def country_name(code: str, language: str) -> str:
    return Locale.parse(language).territories.get(code, code)


@cache
def language_name(code: str, language: str) -> str:
    """The name of the language `code` in `language` (CLDR); `language_name(code, code)` is its own name."""
    return Locale.parse(code).get_display_name(Locale.parse(language)) or code


# Codes that other lists give to a country whose ISO 3166-1 code differs, which contributors
# meet in European documents: the European Union writes EL for Greece and UK for the United
# Kingdom (Interinstitutional Style Guide, section 7.1.1).
OTHER_LISTS_CODES = {"EL": "GR", "UK": "GB"}


@cache
def _names_to_codes() -> dict[str, str]:
    """Every country's name in the forms' languages, casefolded, and its ISO 3166-1 alpha-3 code."""
    codes = country_codes()
    found = {c.alpha_3.casefold(): c.alpha_2 for c in pycountry.countries if c.alpha_2 in codes}
    for language in ("en", "fr", "es", "pt"):
        found |= {name.casefold(): code for code, name in Locale(language).territories.items() if code in codes}
    return found


def suggest_country_code(value: str) -> str | None:
    """The code a contributor probably meant by `value`: "fr", "F.R.", "UK" (the EU's code for
    GB), "PRT" (alpha-3), "France", "Portgual" (a near miss of a name)."""
    letters = re.sub(r"[^A-Za-z]", "", value).upper()
    if letters in country_codes():
        return letters
    if letters in OTHER_LISTS_CODES:
        return OTHER_LISTS_CODES[letters]
    names = _names_to_codes()
    # A name given exactly is its own closest match.
    close = difflib.get_close_matches(value.strip().casefold(), list(names), n=1, cutoff=0.85)
    return names[close[0]] if close else None
