"""A translation keeps the French page's headings, anchors and links; differences name file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance.assembly.generated import generated_folders
from alliance.localized import served_url
from alliance.paths import CONTENT_DIR
from alliance.siteconfig import load_site_config
from alliance.translations.consistency import check_translations, compare, scan

FRENCH = """\
---
title: Exemple
---

# Titre

Voir [la déclaration](declaration.md#p4) et <https://example.org/a>, [un texte
sur deux lignes](deux.md).
{: #p1 }

## Partie { #partie }

```
# pas un titre [ni un lien](nulle-part.md) { #ni-une-ancre }
```

Le code `[x](y.md)` n'est pas un lien.

### Détail

[Source](https://example.org/b "titre")
{: #p2 .am-lead }
"""

GOOD = """\
---
title: Example
description: a different front matter is fine
---

# Title

See [the declaration](declaration.md#p4) and <https://example.org/a>, [a text on
two lines](deux.md).
{: #p1 }

## Part { #partie }

```
# not a heading
```

### Detail

[Source](https://example.org/b)
{: #p2 .am-lead }
"""


def test_scan_finds_headings_anchors_and_links_outside_code():
    marks = [(m.kind, m.value, m.line) for m in scan(FRENCH)]
    assert marks == [
        ("heading", "#", 5),
        ("link", "declaration.md#p4", 7),
        ("link", "https://example.org/a", 7),
        ("link", "deux.md", 7),
        ("anchor", "p1", 9),
        ("heading", "##", 11),
        ("anchor", "partie", 11),
        ("heading", "###", 19),
        ("link", "https://example.org/b", 21),
        ("anchor", "p2", 22),
    ]


EDGES = """\
---
title: "[not](a.md) {#not}"
...
###### Six {#six}
####### seven is not a heading
#no-space is not a heading
~~~~
[in](code.md)
```
still code [x](y.md)
~~~~~
After <a class="c" href="h.html">h</a> and <span id="s1">s</span>.
[ref]: https://example.org/r "Title"
![image](i.png "title") and [t](<t.md> 'single')
`[no](n.md)` then [yes](y.md)
## {: #only }
   ```
# hidden
```
    ```
"""


def test_scan_places_each_mark_at_its_line_and_column():
    """Front matter ended by "...", fences closed only by their own character and length, headings
    of six levels at most, ids and links in HTML, references, images, titles and code spans."""
    assert [(m.kind, m.value, m.line, m.column) for m in scan(EDGES)] == [
        ("heading", "######", 4, 1),
        ("anchor", "six", 4, 14),
        ("link", "h.html", 12, 7),
        ("anchor", "s1", 12, 54),
        ("link", "https://example.org/r", 13, 1),
        ("link", "i.png", 14, 1),
        ("link", "t.md", 14, 29),
        ("link", "y.md", 15, 19),
        ("heading", "##", 16, 1),
        ("anchor", "only", 16, 8),
    ]
    # An unclosed front matter is not one: its lines are prose.
    assert [(m.kind, m.value, m.line) for m in scan("---\ntitle: x\n# Heading {#h}\n")] == [
        ("heading", "#", 3),
        ("anchor", "h", 3),
    ]


def test_a_faithful_translation_has_no_problem():
    assert compare("content/x.md", FRENCH, "content/x.en.md", GOOD) == []


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        (
            GOOD.replace("### Detail", "## Detail"),
            "content/x.en.md:18:1: this heading is of level 2 where the French page's heading (content/x.md:19) has level 3",
        ),
        (
            GOOD.replace("### Detail\n", ""),
            "the heading of level 3 at content/x.md:19 has no counterpart here",
        ),
        (
            GOOD + "\n## Extra\n",
            "content/x.en.md:23:1: this heading of level 2 has no counterpart in the French page content/x.md",
        ),
        (
            GOOD.replace("{: #p2 .am-lead }", "{: .am-lead }"),
            'content/x.en.md:12:12: the anchor "p2" of the French page (content/x.md:22) is missing here',
        ),
        (
            GOOD.replace("{ #partie }", "{ #part }"),
            'content/x.en.md:12:12: the anchor "part" is not in the French page content/x.md',
        ),
        (
            GOOD.replace("(declaration.md#p4)", "(declaration.md#p5)"),
            'content/x.en.md:8:5: a link to "declaration.md#p5" is not in the French page content/x.md',
        ),
        (
            GOOD.replace(" and <https://example.org/a>", ""),
            'a link to "https://example.org/a" of the French page (content/x.md:7) is missing here',
        ),
        (
            GOOD.replace("[a text on\ntwo lines](deux.md)", "a text on\ntwo lines"),
            'content/x.en.md:20:1: a link to "deux.md" of the French page (content/x.md:7) is missing here',
        ),
        (
            GOOD.replace(
                "[Source](https://example.org/b)", "[Source](https://example.org/b) [again](https://example.org/b)"
            ),
            'content/x.en.md:20:33: a link to "https://example.org/b" is not in the French page content/x.md',
        ),
    ],
    ids=[
        "heading-level",
        "heading-lost",
        "heading-added",
        "anchor-lost",
        "anchor-renamed",
        "link-target",
        "link-lost",
        "multi-line-link-lost",
        "link-added",
    ],
)
def test_a_translation_that_drifts_is_reported_with_both_lines(translation, expected):
    problems = [str(problem) for problem in compare("content/x.md", FRENCH, "content/x.en.md", translation)]
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("french", "translation", "expected"),
    [
        # Nothing to point at in the translation: the top of the file.
        (
            "# A\n[l](l.md)\n",
            "plain\n",
            [
                'x.en.md:1:1: a link to "l.md" of the French page (x.md:2) is missing here',
                "x.en.md:1:1: the heading of level 1 at x.md:1 has no counterpart here",
            ],
        ),
        # A heading lost after the last one: reported at the last heading.
        (
            "# A\n## B\n### C\n",
            "# A\n\n## B\n",
            ["x.en.md:3:1: the heading of level 3 at x.md:3 has no counterpart here"],
        ),
        # The same section (its first anchor) at another level.
        (
            "# A\n## B {#b}\n",
            "# A\n\n### B {#b}\n",
            ["x.en.md:3:1: this heading is of level 3 where the French page's heading (x.md:2) has level 2"],
        ),
        # Anchors counted: one "a" of two lost, reported where the first is expected; each "c" too many.
        (
            "{#a}\n{#a}\n{#b}\n",
            "{#b}\n{#a}\n{#c}\n {#c}\n",
            [
                'x.en.md:1:3: the anchor "a" of the French page (x.md:1) is missing here',
                'x.en.md:3:3: the anchor "c" is not in the French page x.md',
                'x.en.md:4:4: the anchor "c" is not in the French page x.md',
            ],
        ),
        # Two sections swapped: each is the same heading, so the lost and added ones are named.
        (
            "# A\n## B {#b}\n## C {#c}\n",
            "# A\n## C {#c}\n## B {#b}\n",
            [
                "x.en.md:2:1: this heading of level 2 has no counterpart in the French page x.md",
                "x.en.md:3:1: the heading of level 2 at x.md:3 has no counterpart here",
            ],
        ),
    ],
    ids=["empty-translation", "last-heading-lost", "level-changed", "anchors-counted", "sections-swapped"],
)
def test_each_difference_is_reported_exactly_once_at_its_place(french, translation, expected):
    assert [str(problem) for problem in compare("x.md", french, "x.en.md", translation)] == expected


@pytest.mark.parametrize(
    ("link", "allowed"),
    [
        ("../../x/", True),
        ("../../x/#p1", True),
        ("/x/", True),
        ("../../y/", False),
        ("x.md", False),
        ("https://example.org/x/", False),
    ],
)
def test_a_translation_may_add_a_link_to_its_french_original(link, allowed):
    """The unofficial-translation note links the original: /x/ seen from /en/x/."""
    translation = GOOD.replace("# Title\n", f"# Title\n\nTranslation; [the original]({link}) is authoritative.\n")
    problems = compare("content/x.md", FRENCH, "content/x.en.md", translation, urls=("x/", "en/x/"))
    assert (problems == []) is allowed, problems


def test_served_urls():
    assert [
        served_url(Path(p), lang)
        for p, lang in [("index.md", "fr"), ("index.md", "en"), ("a/index.md", "es"), ("a/b.md", "fr"), ("b.md", "pt")]
    ] == [
        "",
        "en/",
        "es/a/",
        "a/b/",
        "pt/b/",
    ]


def test_check_translations_pairs_files_and_skips_generated_folders(tmp_path):
    content = tmp_path / "content"
    (content / "sub").mkdir(parents=True)
    (content / "generated").mkdir()
    (content / "sub" / "x.md").write_text(FRENCH, encoding="utf-8")
    (content / "sub" / "x.en.md").write_text(GOOD, encoding="utf-8")
    (content / "sub" / "x.es.md").write_text(GOOD.replace("{ #partie }", ""), encoding="utf-8")
    (content / "generated" / "y.md").write_text("# A\n", encoding="utf-8")
    (content / "generated" / "y.en.md").write_text("# A\n## B\n", encoding="utf-8")
    problems = check_translations(content, ("fr", "en", "es"), skip_folders={"generated"})
    assert [str(p) for p in problems] == [
        'content/sub/x.es.md:21:5: the anchor "partie" of the French page (content/sub/x.md:11) is missing here'
    ]


def test_the_site_translations_keep_their_french_structure():
    """`make test` fails on any translation of content/ that drifted from its French page."""
    problems = check_translations(CONTENT_DIR, load_site_config().codes, skip_folders=generated_folders())
    assert not problems, "\n" + "\n".join(str(problem) for problem in problems)


def test_a_page_that_is_not_utf8_is_a_problem_with_its_place(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "x.md").write_text(FRENCH, encoding="utf-8")
    (content / "x.en.md").write_bytes(b"# Title\n\nCaf\xe9 au lait\n")
    (content / "y.md").write_bytes(b"\xff\xfe# UTF-16\n")
    problems = check_translations(content, ("fr", "en"))
    assert [str(p) for p in problems] == [
        "content/x.en.md:3:4: the file is not valid UTF-8 text: save it with the UTF-8 encoding",
        "content/y.md:1:1: the file is saved as UTF-16: save it with the UTF-8 encoding",
    ]
