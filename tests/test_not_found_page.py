"""The 404 page's builder (alliance/assembly/notfound.py): whatever its words, they are text of
the page, its links are the configured site's, and its script is the same constant code."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from alliance.assembly.notfound import NotFoundWords, not_found_page

SITE = "https://example.github.io/site/"
LANGUAGES = ("fr", "en", "pt")


class _Reading(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "a":
            self.links.append((values["href"], values["data-path"]))
        self._in_script = tag == "script"

    def handle_endtag(self, tag) -> None:
        self._in_script = False

    def handle_data(self, data) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def read(page: str) -> _Reading:
    reading = _Reading()
    reading.feed(page)
    reading.close()
    return reading


words_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)


def page_with(text: str, site_name: str = "Site") -> str:
    words = tuple(NotFoundWords(code, text, text, text, text, text) for code in LANGUAGES)
    return not_found_page(site_name, SITE, words, "fr")


@given(words_text)
def test_any_word_is_text_and_changes_neither_links_nor_script(text):
    reading = read(page_with(text, text))
    reference = read(page_with("x"))
    assert reading.scripts == reference.scripts
    assert reading.links == reference.links
    assert reading.tags == reference.tags
    assert text in "".join(reading.text)


def test_links_are_the_configured_site_s_with_their_path_for_the_script():
    reading = read(page_with("x"))
    assert reading.links[:3] == [(SITE, "/site/"), (SITE, "/site/"), (SITE + "search/", "/site/search/")]
    assert {href for href, _ in reading.links} == {
        SITE + path for path in ("", "search/", "en/", "en/search/", "pt/", "pt/search/")
    }
    assert all(href == "https://example.github.io" + path for href, path in reading.links)


def test_the_script_reads_the_address_only_to_compare_it():
    (script,) = read(page_with("x")).scripts
    assert re.findall(r"location\.\w+", script) == ["location.pathname"]
    assert "<base" not in script and "fetch" not in script and "document.write" not in script
    assert '"/site/"' in script and '["fr", "en", "pt"]' in script


def test_the_page_exactly_on_a_site_under_a_folder_whose_default_language_is_not_french():
    words = (
        NotFoundWords("fr", "Français", "Page introuvable", "Rien ici.", "Accueil", "Recherche"),
        NotFoundWords("es", "Español", "No encontrada <404>", "Nada aquí.", "Inicio", "Buscar"),
    )
    page = not_found_page('Red "A" & B', "https://example.org/ré<d", words, "es")
    style = re.search(r"<style>.*?</style>", page, re.S)
    assert style is not None and style.group(0).count("\n") == 5
    assert page.replace(style.group(0), "<style>…</style>") == (
        "<!doctype html>\n"
        '<html lang="es">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        "<title>No encontrada &lt;404&gt; - Red &quot;A&quot; &amp; B</title>\n"
        '<link rel="icon" href="data:,">\n'
        "<style>…</style>\n"
        '<script>(function(){var base="/ré\\u003cd/",codes=["fr", "es"],path=location.pathname,'
        "here=path.indexOf(base)===0,\n"
        'folders=(here?path.slice(base.length):path).split("/"),shown=null;\n'
        "for(var i=0;i<folders.length&&shown===null;i++)if(codes.indexOf(folders[i])>=0)shown=folders[i];\n"
        'if(shown===null)shown="es";\n'
        'document.addEventListener("DOMContentLoaded",function(){\n'
        'document.querySelectorAll("section[lang]").forEach(function(s){if(s.lang!==shown)s.hidden=true;'
        "else document.title=s.dataset.title});\n"
        "document.documentElement.lang=shown;\n"
        'if(here)document.querySelectorAll("a[data-path]").forEach(function(a){a.href=a.dataset.path})})})();'
        "</script>\n"
        "</head>\n"
        "<body>\n"
        '<header><a href="https://example.org/ré&lt;d/" data-path="/ré&lt;d/">Red &quot;A&quot; &amp; B</a></header>\n'
        '<main><section lang="es" data-title="No encontrada &lt;404&gt; - Red &quot;A&quot; &amp; B">'
        "<h1>No encontrada &lt;404&gt;</h1><p>Nada aquí.</p><ul>"
        '<li><a href="https://example.org/ré&lt;d/" data-path="/ré&lt;d/">Inicio</a></li>'
        '<li><a href="https://example.org/ré&lt;d/search/" data-path="/ré&lt;d/search/">Buscar</a></li></ul></section>'
        '<section lang="fr" data-title="Page introuvable - Red &quot;A&quot; &amp; B">'
        "<h1>Page introuvable</h1><p>Rien ici.</p><ul>"
        '<li><a href="https://example.org/ré&lt;d/fr/" data-path="/ré&lt;d/fr/">Accueil</a></li>'
        '<li><a href="https://example.org/ré&lt;d/fr/search/" data-path="/ré&lt;d/fr/search/">Recherche</a></li>'
        "</ul></section></main>\n"
        '<nav><ul><li><a href="https://example.org/ré&lt;d/" data-path="/ré&lt;d/" hreflang="es" lang="es">Español</a></li>'
        '<li><a href="https://example.org/ré&lt;d/fr/" data-path="/ré&lt;d/fr/" hreflang="fr" lang="fr">Français</a></li>'
        "</ul></nav>\n"
        "</body>\n"
        "</html>\n"
    )
    # a configured address that already ends with "/" is not given a second one
    assert not_found_page("R", "https://example.org/", words, "es").count("https://example.org//") == 0
