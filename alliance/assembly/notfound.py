"""The 404 page: one self-contained file that works wherever a static host serves it.

GitHub Pages serves the site's root `404.html` for every missing address, at any depth, and the
built site may also be served at `/` or under another folder (a custom domain, a copy). So the
page loads nothing (its styles are inline, its icon empty) and names no address relative to the
one requested: every link is absolute, to the configured site (`site_url`). It holds the page in
every language; a small script that only compares shows the address's language alone (a folder
of the address named exactly as a language code, else French) and, when the address is under
the configured base path, points the links at that path on the current host. Nothing of the address is ever copied into an address or into the page, so an
address such as `https://site//attacker.example/en/x` can only choose among the page's own
constants. Without JavaScript every language is shown, French (the original) first.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from alliance.localized import language_prefix
from alliance.pages.alternates import base_path

FILE_NAME = "404.html"


@dataclass(frozen=True)
class NotFoundWords:
    """The words of the 404 page in one language (data/labels.yaml, mkdocs.yml)."""

    language: str
    language_name: str  # in that language, for the list of the site's languages
    title: str
    text: str
    home: str
    search: str


# Close to the site's Material palette (indigo header, system fonts), in a few hundred bytes.
_STYLE = """html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#000000de;line-height:1.6}
body{margin:0}header{background:#4051b5;color:#fff;padding:.6rem 1rem;font-size:1.1rem;font-weight:700}
header a{color:#fff;text-decoration:none}main,nav{max-width:42rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;font-weight:300;margin:1.5rem 0 .5rem}a{color:#3346b0;text-underline-offset:.15em}
section+section{border-top:1px solid #0000001f}nav{padding-bottom:2rem}nav ul{list-style:none;padding:0}
nav li{display:inline;margin-right:1em}"""

# Compares the address with the page's constants and never copies it: the languages shown
# (a folder named exactly as a language, after the configured base path when the address is
# under it) and the links' form (paths of the current host under the configured base path,
# else the absolute addresses of the configured site).
_SCRIPT = """(function(){var base=%(base)s,codes=%(codes)s,path=location.pathname,here=path.indexOf(base)===0,
folders=(here?path.slice(base.length):path).split("/"),shown=null;
for(var i=0;i<folders.length&&shown===null;i++)if(codes.indexOf(folders[i])>=0)shown=folders[i];
if(shown===null)shown=%(default)s;
document.addEventListener("DOMContentLoaded",function(){
document.querySelectorAll("section[lang]").forEach(function(s){if(s.lang!==shown)s.hidden=true;else document.title=s.dataset.title});
document.documentElement.lang=shown;
if(here)document.querySelectorAll("a[data-path]").forEach(function(a){a.href=a.dataset.path})})})();"""


def _json(value: object) -> str:
    """A constant as JavaScript inside <script>: JSON with `<` escaped, so `</script>` cannot close it."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def _link(site_url: str, path: str, text: str, language: str | None = None) -> str:
    """A link to `path` of the site: absolute to the configured site, with its path on the
    configured base path for the script to use when the page is served there."""
    hreflang = f' hreflang="{html.escape(language)}" lang="{html.escape(language)}"' if language else ""
    return (
        f'<a href="{html.escape(site_url + path)}" data-path="{html.escape(base_path(site_url) + path)}"{hreflang}>'
        f"{html.escape(text)}</a>"
    )


def not_found_page(site_name: str, site_url: str, words: tuple[NotFoundWords, ...], default_language: str) -> str:
    """The root 404.html: every language's words, links to each language's home and search
    pages on the configured site; `words` start with the default language's."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    default = next(w for w in words if w.language == default_language)
    ordered = (default, *(w for w in words if w.language != default_language))
    sections = []
    for w in ordered:
        prefix = language_prefix(w.language, default_language)
        title = f"{w.title} - {site_name}"
        sections.append(
            f'<section lang="{html.escape(w.language)}" data-title="{html.escape(title)}">'
            f"<h1>{html.escape(w.title)}</h1><p>{html.escape(w.text)}</p>"
            f"<ul><li>{_link(root, prefix, w.home)}</li><li>{_link(root, prefix + 'search/', w.search)}</li></ul>"
            "</section>"
        )
    languages = "".join(
        f"<li>{_link(root, language_prefix(w.language, default_language), w.language_name, w.language)}</li>"
        for w in ordered
    )
    script = _SCRIPT % {
        "base": _json(base_path(root)),
        "codes": _json([w.language for w in words]),
        "default": _json(default_language),
    }
    return (
        f'<!doctype html>\n<html lang="{html.escape(default_language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n<meta name="robots" content="noindex">\n'
        f"<title>{html.escape(default.title)} - {html.escape(site_name)}</title>\n"
        # No request for /favicon.ico, which does not exist where the site is under a folder.
        '<link rel="icon" href="data:,">\n'
        f"<style>{_STYLE}</style>\n<script>{script}</script>\n</head>\n<body>\n"
        f"<header>{_link(root, '', site_name)}</header>\n<main>{''.join(sections)}</main>\n"
        f"<nav><ul>{languages}</ul></nav>\n</body>\n</html>\n"
    )
