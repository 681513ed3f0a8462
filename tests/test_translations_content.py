"""The declaration in four languages: the French text is the seed's, word for word; each
translation says it is unofficial, links to the French page and keeps the paragraph anchors;
every home page shows how much of the declared network the data documents."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from alliance.siteconfig import load_site_config

# A verbatim copy of the authoritative French text (../shared/seeds/000_544249865db5ebd2.txt).
SEED = Path(__file__).parent / "fixtures" / "declaration-original.fr.txt"
PARAGRAPH_ID = re.compile(r"p\d+")
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "tr", "td", "th"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}

SITE_CONFIG = load_site_config()
TRANSLATIONS = tuple(code for code in SITE_CONFIG.codes if code != SITE_CONFIG.default_language)


def normalise(text: str) -> str:
    return " ".join(text.split())


class ArticleContent(HTMLParser):
    """The text, paragraph ids and unofficial-translation notice of a page's <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.paragraph_ids: list[str] = []
        self.notice_links: list[str] = []
        self.notice_count = 0
        self.classes: dict[str, int] = {}
        self._chunks: list[str] = []
        self._stack: list[tuple[str, bool, bool, bool]] = []  # (tag, article, notice, permalink)

    def _inside(self, index: int) -> bool:
        return any(entry[index] for entry in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        in_article = tag == "article"
        classes = (attributes.get("class") or "").split()
        is_notice = "am-unofficial-translation" in classes and self._inside(1)
        is_permalink = tag == "a" and "headerlink" in classes
        if self._inside(1) or in_article:
            for name in classes:
                self.classes[name] = self.classes.get(name, 0) + 1
            if tag == "p" and (paragraph := attributes.get("id")) and PARAGRAPH_ID.fullmatch(paragraph):
                self.paragraph_ids.append(paragraph)
            if is_notice:
                self.notice_count += 1
            if tag == "a" and (self._inside(2) or is_notice) and (href := attributes.get("href")):
                self.notice_links.append(href)
            if tag in BLOCK_TAGS:
                self._chunks.append("\n")
        if tag not in VOID_TAGS:
            self._stack.append((tag, in_article, is_notice, is_permalink))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                break
        if tag in BLOCK_TAGS:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self._inside(1) and not self._inside(3):
            self._chunks.append(data)

    @property
    def text(self) -> str:
        return normalise("".join(self._chunks))


def article(page: Path) -> ArticleContent:
    parser = ArticleContent()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def seed_blocks(markdown: str) -> list[tuple[str, bool]]:
    """Each block of the seed as plain text, with whether it is a heading."""
    blocks = []
    for block in re.split(r"\n\s*\n", markdown):
        heading = block.lstrip().startswith("#")
        text = re.sub(r"</?sup>|[*►]|^\s*#+", "", block.strip())
        if normalise(text):
            blocks.append((normalise(text), heading))
    return blocks


def missing_blocks(blocks: list[tuple[str, bool]], page_text: str) -> list[str]:
    """The blocks the page does not contain; a heading may change case (markup only)."""
    return [
        text
        for text, heading in blocks
        if (text.casefold() not in page_text.casefold() if heading else text not in page_text)
    ]


def page_path(site: Path, language: str, name: str) -> Path:
    prefix = () if language == SITE_CONFIG.default_language else (language,)
    return site.joinpath(*prefix, *((name,) if name else ()), "index.html")


def resolved_page(site: Path, page: Path, href: str) -> Path:
    """The built file a relative link of `page` lands on."""
    page_url = "https://site.invalid/" + page.parent.relative_to(site).as_posix() + "/"
    target = urlparse(urljoin(page_url, href)).path.lstrip("/")
    return site / target / "index.html"


def test_seed_blocks_strip_markup_and_a_dropped_sentence_is_reported():
    blocks = seed_blocks("# 2<sup>E</sup> RENCONTRE\n\nLigne un  \nsuite.\n\n*Fait à Lisbonne.*\n\n\n## ► FIN\n")
    assert blocks == [("2E RENCONTRE", True), ("Ligne un suite.", False), ("Fait à Lisbonne.", False), ("FIN", True)]
    page = "2e RENCONTRE Ligne un suite. FIN"
    assert missing_blocks(blocks, page) == ["Fait à Lisbonne."]
    assert missing_blocks(blocks, page.lower()) == ["Ligne un suite.", "Fait à Lisbonne."]


def test_french_declaration_contains_every_block_of_the_seed(built_site):
    page = article(page_path(built_site, SITE_CONFIG.default_language, "declaration"))
    blocks = seed_blocks(SEED.read_text(encoding="utf-8"))
    assert len([text for text, heading in blocks if not heading]) >= 10
    assert missing_blocks(blocks, page.text) == []


def test_french_declaration_has_paragraph_anchors_p1_to_p10_and_no_notice(built_site):
    page = article(page_path(built_site, SITE_CONFIG.default_language, "declaration"))
    assert page.paragraph_ids == [f"p{n}" for n in range(1, 11)]
    assert page.notice_count == 0


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translation_has_the_unofficial_notice_linking_to_the_french_page(built_site, language):
    path = page_path(built_site, language, "declaration")
    page = article(path)
    assert page.html_lang == language
    assert page.notice_count == 1
    french = page_path(built_site, SITE_CONFIG.default_language, "declaration")
    assert [resolved_page(built_site, path, href) for href in page.notice_links] == [french]
    assert article(french).html_lang == SITE_CONFIG.default_language


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translation_keeps_the_french_paragraph_anchors_and_classes(built_site, language):
    french = article(page_path(built_site, SITE_CONFIG.default_language, "declaration"))
    translation = article(page_path(built_site, language, "declaration"))
    assert translation.paragraph_ids == french.paragraph_ids
    for name in ("am-kicker", "am-lead", "am-dateline", "am-editorial"):
        assert translation.classes.get(name) == french.classes.get(name) == 1, name


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_home_page_shows_the_coverage_sentence(built_site, language, real_dataset):
    dataset = real_dataset
    coverage = dataset.coverage
    sentence = dataset.labels.ui(
        "coverage",
        language,
        participants=130,
        cities=coverage.cities,
        declared_cities=coverage.declared_cities,
        countries=coverage.countries,
        declared_countries=coverage.declared_countries,
    )
    page = article(page_path(built_site, language, ""))
    assert page.html_lang == language
    assert normalise(sentence) in page.text
    assert page.classes.get("am-coverage") == 1


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_what_the_site_adds_to_the_declaration_stands_apart_after_its_text(built_site, language):
    """The organisers and supporters come after the verbatim text, in a box that says whose it is."""
    page = page_path(built_site, language, "declaration").read_text(encoding="utf-8")
    added = re.search(r'<section aria-labelledby="ajoute-par-le-site" class="am-added">(.*?)</section>', page, re.S)
    assert added, "the box of what the site adds is missing (or the page sanitizer dropped it)"
    assert page.index('id="p10"') < added.start()
    assert 'id="ajoute-par-le-site"' in added[1]
    # Its sources' quotes follow it.
    assert "<blockquote" in page[added.start() :]
