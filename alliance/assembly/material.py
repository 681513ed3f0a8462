"""One change to Material for MkDocs' script, made on the built copy.

Material's script fetches `sitemap.xml` beside the address of every `<link rel=alternate>` to
map a page onto its translations; with one alternate per language and page that is four
requests per page view, all failing (the sitemap sits at the root only) or, with absolute
alternates, going to the published host from a preview. The i18n plugin already gives each
language link its page's translation, so the fetch serves nothing: the selector is narrowed to
alternates without `hreflang` (this site has none).
"""

from __future__ import annotations

from pathlib import Path

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
_SELECTOR = 'link[rel=alternate]"'
_NARROWED = 'link[rel=alternate]:not([hreflang])"'


class ThemeChanged(Exception):
    """Material's script no longer has the code this change expects: check the upgrade."""


def without_sitemap_fetch(script: str) -> str:
    if script.count(_SELECTOR) != 1:
        raise ThemeChanged(
            f"expected {_SELECTOR[:-1]!r} once in Material's script, found it {script.count(_SELECTOR)} times"
        )
    return script.replace(_SELECTOR, _NARROWED)


def patch_bundle(site_dir: Path) -> Path:
    bundles = sorted(site_dir.glob(BUNDLE_GLOB))
    if len(bundles) != 1:
        raise ThemeChanged(f"expected one {BUNDLE_GLOB} in the built site, found {len(bundles)}")
    text = bundles[0].read_text(encoding="utf-8")
    if _NARROWED not in text:
        bundles[0].write_text(without_sitemap_fetch(text), encoding="utf-8")
    return bundles[0]
