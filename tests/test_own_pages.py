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
        (ADDED.replace(">", ' onclick="x()">') + "\n\nText.\n\n</section>\n", [(1, '"<section"')]),
        ('<section class="am-added" markdown="block">\n\nText.\n\n</section>\n', [(1, '"<section"')]),
    ],
    ids=["declared", "script-inside", "handler-inside", "handler-on-it", "other-attributes"],
)
def test_an_element_of_markdown_is_allowed_as_declared_with_all_it_holds(text, expected):
    problems, _ = read_markdown(text, "content/declaration.md", 1, own_page_markup("declaration.md"))
    assert [(p.line, p.message.split(" ")[2]) for p in problems] == expected
    assert all(p.message.endswith("is not allowed in this page: write Markdown") for p in problems)
