"""What the site's own pages may hold beyond Markdown (alliance/pages/ownpages.py): an element
whose inside is Markdown is allowed only as declared, and so is every element inside it."""

from __future__ import annotations

import pytest

from alliance.data.contributed import read_markdown
from alliance.pages.ownpages import own_page_markup

ADDED = '<section class="am-added" markdown="block" aria-labelledby="ajoute-par-le-site">'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{ADDED}\n\nText.\n\n</section>\n", []),
        (f"{ADDED}\n\n<script>x()</script>\n\n</section>\n", [(3, '"<script"')]),
        (f'{ADDED}\n\n<div onclick="x()">a</div>\n\n</section>\n', [(3, '"<div"')]),
        (
            f'{ADDED}\n\n<script>x()</script>\n\n<div onclick="x()">a</div>\n\n</section>\n',
            [(3, '"<script"'), (5, '"<div"')],
        ),
        # An element of plain HTML (markdown="0") is kept whole: only its first refused tag is reported.
        (
            f'{ADDED}\n\n<div markdown="0" onclick="x()">\n<p onclick="y()">a</p>\n</div>\n\n</section>\n',
            [(3, '"<div"')],
        ),
        (ADDED.replace(">", ' onclick="x()">') + "\n\nText.\n\n</section>\n", [(1, '"<section"')]),
        ('<section class="am-added" markdown="block">\n\nText.\n\n</section>\n', [(1, '"<section"')]),
    ],
    ids=[
        "declared",
        "script-inside",
        "handler-inside",
        "two-inside-each-reported",
        "refused-in-refused-first-reported",
        "handler-on-it",
        "other-attributes",
    ],
)
def test_an_element_of_markdown_is_allowed_as_declared_with_all_it_holds(text, expected):
    problems, _ = read_markdown(text, "content/declaration.md", 1, own_page_markup("declaration.md"))
    assert [(p.line, p.message.split(" ")[2]) for p in problems] == expected
    assert all(p.message.endswith("is not allowed in this page: write Markdown") for p in problems)


@pytest.mark.parametrize(
    ("page", "text", "refused"),
    [
        # A page of no declared tags holds data sections and attribute lists of the site, no tag.
        ("about.md", "Text.\n\n<!-- data: city-list -->\n", []),
        ("about.md", "## Title {: #here .am-x lang=fr }\n", []),
        (
            "about.md",
            'A <span lang="fr">mot</span>.\n',
            [(1, 3, 'raw HTML "<span lang="fr">"'), (1, 22, 'raw HTML "</span>"')],
        ),
        ("about.md", "## Title {: onclick=x }\n", [(1, 10, 'the attribute list "{onclick=x}"')]),
        # A page's first and last declared tags, beside a data section.
        ("declaration.md", "2<sup>e</sup>\n\n<!-- data: city-list -->\n\n</section>\n", []),
        ("index.md", 'A <span lang="fr">mot</span>.\n', []),
        ("index.md", "2<sup>e</sup>\n", [(1, 2, 'raw HTML "<sup>"'), (1, 8, 'raw HTML "</sup>"')]),
        ("search.md", "<noscript>\n<p>Sans JavaScript.</p>\n</noscript>\n", []),
        # A "<" or ">" that opens no tag, beside allowed tags: the block is refused whole.
        (
            "search.md",
            "<noscript>\n<p>a < b</p>\n</noscript>\n",
            [(1, 1, 'raw HTML "<noscript> <p>a < b</p> </noscript>"')],
        ),
        (
            "search.md",
            "<noscript>\n<p>a > b</p>\n</noscript>\n",
            [(1, 1, 'raw HTML "<noscript> <p>a > b</p> </noscript>"')],
        ),
    ],
    ids=[
        "section",
        "attributes",
        "tag",
        "handler",
        "declaration",
        "index-span",
        "index-sup",
        "search",
        "search-stray-lt",
        "search-stray-gt",
    ],
)
def test_each_page_holds_its_own_tags_and_no_other(page, text, refused):
    problems, _ = read_markdown(text, f"content/{page}", 1, own_page_markup(page))
    assert [(p.line, p.column, p.message.split(" is not allowed in this page")[0]) for p in problems] == refused
