"""The 404 page in the reader's language, at any address.

A static host such as GitHub Pages serves the root `404.html` for every missing address, at
whatever depth. MkDocs writes that page with addresses under the configured base path
(`/site/...`), and the i18n plugin overwrites it with each language it builds. So each
language's 404 page is kept (`en/404.html` ...), its addresses made relative to a `<base>`
that a first inline script sets from the address actually requested; the root one, French,
also loads the page of the language named by the address's first folder (`/en/...`) in its
place. Without JavaScript the root page stays French, with the configured base path.
"""

from __future__ import annotations

import html as html_escaping
import json
import re

_CHARSET = '<meta charset="utf-8">'

# Finds the site's root in the requested address: the configured base path when the address is
# under it, else the folder before a language's folder, else "/" (a French address served
# elsewhere than configured cannot be told apart from a folder of another site).
_ROOT_SCRIPT = """(function(){var c=%(base)s,l=%(languages)s,p=location.pathname,s=p.split("/"),r=p.indexOf(c)===0?c:"/";
if(r==="/")for(var i=1;i<s.length-1;i++)if(l.indexOf(s[i])>=0){r=s.slice(0,i).join("/")+"/";break}
var b=document.createElement("base");b.href=r;document.head.prepend(b);%(swap)s})();"""
# On the root page: the address's language folder names the 404 page to show instead.
_SWAP = """var g=p.slice(r.length).split("/")[0],h=document.documentElement;if(l.indexOf(g)<0)return;h.hidden=true;
fetch(r+g+"/404.html").then(function(x){if(!x.ok)throw x;return x.text()}).then(function(t){document.open();document.write(t);document.close()}).catch(function(){h.hidden=false})"""


def _js(value) -> str:
    return json.dumps(value).replace("<", "\\u003c")


def portable_not_found(html: str, base_path: str, languages: tuple[str, ...], chooses_language: bool) -> str:
    """A 404 page written by MkDocs, working at any address: its addresses under `base_path`
    made relative to a `<base>` set from the requested address (the configured one without
    JavaScript); with `chooses_language`, it shows the 404 page of the address's language."""
    if _CHARSET not in html:
        raise ValueError(f"the 404 page has no {_CHARSET}")
    relative = re.sub(r'(\s(?:href|src)=")' + re.escape(base_path) + r"(?!/)", r"\1./", html)
    script = _ROOT_SCRIPT % {
        "base": _js(base_path),
        "languages": _js(list(languages)),
        "swap": _SWAP if chooses_language else "",
    }
    head = f'{_CHARSET}<script>{script}</script><base href="{html_escaping.escape(base_path)}">'
    return relative.replace(_CHARSET, head, 1)
