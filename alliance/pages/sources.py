"""The sources of a record as links, and its quoted evidence as a "What the sources say" disclosure.

A source's link text is its publisher and title, never its address; `declaration#pN` links to
paragraph N of the declaration page, which MkDocs resolves to the page in the same language and
checks, anchor included.
"""

from __future__ import annotations

from collections.abc import Iterable

from babel import Locale

from alliance.data.evidence import DECLARATION_SOURCE, Evidence, Source
from alliance.data.labels import Labels
from alliance.localized import ORIGINAL_LANGUAGE
from alliance.pages.markup import html_text, md_shown, md_text
from alliance.siteconfig import Publication

__all__ = [
    "DECLARATION_SOURCE",
    "absolute_source",
    "evidence_disclosure",
    "published_evidence",
    "source_markdown",
    "sources_inline",
]


def absolute_source(source: Source, publication: Publication, language: str = ORIGINAL_LANGUAGE) -> str:
    """A source as an address anyone can open: `declaration#p4` becomes that paragraph of the
    declaration page published in `language` (the French original by default)."""
    if (paragraph := source.declaration_paragraph) is not None:
        return publication.page_url(language, ORIGINAL_LANGUAGE, f"declaration/#p{paragraph}")
    return source.url


def published_evidence(evidence: Iterable[Evidence], publication: Publication) -> list[dict]:
    """A record's evidence as the open-data exports publish it: each quote with its source's address."""
    return [
        {
            "claims": list(entry.claims),
            "source": absolute_source(entry.source, publication),
            "quote": entry.quote,
            "language": entry.source.language,
            "translation": dict(entry.translation),
        }
        for entry in evidence
    ]


def source_name(source: Source) -> str:
    """How a web source is named: its publisher and its title ("CGLU Afrique, 2ème rencontre…")."""
    return f"{source.publisher}, {source.title}"


def source_markdown(source: Source, labels: Labels, language: str, to_root: str, *, short: bool = False) -> str:
    """A link to `source` from a page `to_root` away from content/ ("" or "../")."""
    if (paragraph := source.declaration_paragraph) is not None:
        key = "source-declaration-short" if short else "source-declaration"
        return f"[{md_text(labels.ui(key, language, paragraph=paragraph))}]({to_root}declaration.md#p{paragraph})"
    lang = html_text(source.language)
    return (
        f'<a href="{html_text(source.url)}" hreflang="{lang}">{md_text(source.publisher)}, '
        f'<cite lang="{lang}">{md_text(source.title)}</cite></a>'
    )


def sources_inline(sources: Iterable[Source], labels: Labels, language: str, to_root: str) -> str:
    """A record's sources after it in a list: "(sources : CGLU Afrique, 2ème rencontre… ; déclaration, § 1)",
    "(source : déclaration, § 4)" when there is one.

    A source cited twice is listed once, so that a record shown anywhere shows what supports it.
    """
    unique = {source.id: source for source in sources}.values()
    links = "; ".join(source_markdown(source, labels, language, to_root, short=True) for source in unique)
    key = "source-inline" if len(unique) == 1 else "sources-inline"
    text = labels.ui_markup(key, language, md_text, sources=links)
    return f'<small class="am-sources">{text}</small>'


def render_source_list(sources: Iterable[Source], labels: Labels, language: str) -> str:
    """Every source of data/sources.yaml as a list, each with its language and date where known."""
    names = Locale.parse(language).languages
    lines = []
    for source in sources:
        details = ", ".join(filter(None, [names.get(source.language, source.language), source.date]))
        note = (
            f" — {md_shown(source.note.show(language), labels.ui('fallback-field', language))}" if source.note else ""
        )
        lines.append(f"- {source_markdown(source, labels, language, '')} ({md_text(details)}){note}\n")
    return "".join(lines)


def claim_text(claim: str, labels: Labels, language: str) -> str:
    """A claim named in the reader's language: "the summary", "paragraph 2", "the role “Pilot territory”"."""
    if claim.startswith("paragraph-"):
        return labels.ui("claim-paragraph", language, paragraph=claim.removeprefix("paragraph-"))
    if claim.startswith("role:"):
        return labels.ui("claim-role", language, role=labels.term("role", claim.removeprefix("role:"), language).text)
    return labels.ui(f"claim-{claim}", language)


def evidence_disclosure(
    evidence: Iterable[Evidence],
    labels: Labels,
    language: str,
    to_root: str,
    publication: Publication,
    *,
    with_claims: bool = True,
) -> str:
    """The quotes that support a record, in a "What the sources say" disclosure (Markdown with HTML).

    Each quote is a <blockquote cite> in its source's language; where the page's language differs,
    the site's translation follows it, marked as such. `with_claims` names the claims each supports
    (a record's fields); a written page's quotes sit under the passage they support.
    """
    entries = list(evidence)
    if not entries:
        return ""
    figures = []
    for entry in entries:
        source = entry.source
        cite = html_text(absolute_source(source, publication, language))
        quote = f'<blockquote cite="{cite}" lang="{html_text(source.language)}"><p>{html_text(entry.quote)}</p></blockquote>'
        translation = ""
        # In the page's language; else the French one, marked so; none for a French quote on a page
        # whose language has no translation yet (French is what that page falls back to).
        shown = language if language in entry.translation else ORIGINAL_LANGUAGE
        if language != source.language and shown in entry.translation:
            label = labels.ui("evidence-translation", language)
            text = html_text(entry.translation[shown])
            # The label is in the page's language; only the French text is marked as French.
            text = text if shown == language else f'<span lang="{shown}">{text}</span>'
            translation = f'<p class="am-translation">{html_text(label)} {text}</p>\n'
        caption = f"— {source_markdown(source, labels, language, to_root)}"
        if source.note:
            caption += f" ({md_shown(source.note.show(language), labels.ui('fallback-field', language))})"
        if with_claims:
            claims = ", ".join(claim_text(claim, labels, language) for claim in entry.claims)
            caption += " · " + md_text(labels.ui("evidence-supports", language, claims=claims))
        figures.append(
            f'<figure class="am-quote" markdown="1">\n{quote}\n{translation}'
            f'<figcaption markdown="span">{caption}</figcaption>\n</figure>\n'
        )
    summary = html_text(labels.ui("evidence-summary", language))
    return (
        f'<details class="am-evidence" markdown="1">\n<summary>{summary}</summary>\n\n'
        + "\n".join(figures)
        + "\n</details>\n"
    )
