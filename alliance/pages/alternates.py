"""A page's versions in every language: absolute addresses for search engines, paths for readers.

Search engines need absolute `hreflang` alternates (and an `x-default`); the language switcher
and every other link stay relative, so that the site works at any address (a custom domain, a
preview, a folder of GitHub Pages).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Alternate:
    language: str
    name: str  # the language's name, in that language
    path: str  # from the site's root: "" for the home page, "en/declaration/" ...
    url: str  # at the published address (site_url)


def base_path(site_url: str) -> str:
    """The path of the site's root in its published address: "/site/" or "/"."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def root_path(link: str, site_url: str) -> str:
    """A link as the i18n plugin writes it (absolute path for home pages, else from the root),
    as a path from the site's root."""
    if link.startswith("/"):
        base = base_path(site_url)
        return link[len(base) :] if link.startswith(base) else link[1:]
    return "" if link in (".", "./") else link


def page_alternates(links: Iterable[tuple[str, str, str]], site_url: str) -> tuple[Alternate, ...]:
    """(language, name, link) of each language's version, as Alternates."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    alternates = []
    for language, name, link in links:
        path = root_path(link, site_url)
        alternates.append(Alternate(language, name, path, root + path))
    return tuple(alternates)


def x_default(alternates: tuple[Alternate, ...], default_language: str) -> Alternate:
    """The version for readers of no listed language: the original, in the default language."""
    return next(alternate for alternate in alternates if alternate.language == default_language)
