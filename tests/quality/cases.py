"""The parameters of the checks run on every key page in every language."""

from __future__ import annotations

import re

import pytest

from alliance.builtsite.keypages import KEY_PAGES, page_address
from alliance.siteconfig import load_site_config

SITE_CONFIG = load_site_config()

# (page, language, address of the page in that language), with ids such as "declaration-en".
KEY_PAGE_CASES = [
    pytest.param(
        page, language, page_address(page, language, SITE_CONFIG.default_language), id=f"{page.name}-{language}"
    )
    for page in KEY_PAGES
    for language in SITE_CONFIG.codes
]

# The pages that repeat others, by their address in any language: the search page, the translation
# status, the agenda's target pages (their actions are on the year pages). Left out of the search
# index and of the sitemap (`search: {exclude: true}` in their front matter).
REPEATING_PAGES = re.compile(r"/(agenda/(institutions|public-opinion|territories)|translation-status|search)/$")
