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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unclosed front matter is not one: its lines are prose.
        ("---\ntitle: x\n# Heading {#h}\n", [("heading", "#", 3, 1), ("anchor", "h", 3, 13)]),
        # A front matter of several lines closed by "---": nothing in it is a mark.
        (
            '---\ntitle: x\ndescription: "[a](a.md) {#a}"\n---\n[b](b.md) and [c](c.md)\n',
            [("link", "b.md", 5, 1), ("link", "c.md", 5, 15)],
        ),
        # An empty front matter: a thematic break further down closes nothing.
        ("---\n---\n# Heading\n\n---\n", [("heading", "#", 3, 1)]),
        # A page that opens with a link.
        ("[a](a.md) and [b](b.md)\n", [("link", "a.md", 1, 1), ("link", "b.md", 1, 15)]),
        # A fence's info string is code too.
        ("```text [x](x.md) {#x}\ncode\n```\n", []),
        # A fenced block ends a paragraph: a bracket before it and one after it make no link.
        ("See [the\n```\ncode\n```\ntext](x.md).\n", []),
    ],
    ids=[
        "unclosed-front-matter",
        "front-matter-of-several-lines",
        "empty-front-matter",
        "link-on-the-first-line",
        "fence-info-string",
        "fence-between-brackets",
    ],
)
def test_scan_reads_prose_only_from_the_first_line(text, expected):
    assert [(m.kind, m.value, m.line, m.column) for m in scan(text)] == expected


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
        # A heading lost in the middle: reported at the heading that takes its place.
        (
            "# A\n## B\n## C {#c}\n",
            "# A\n\n## C {#c}\n",
            ["x.en.md:3:1: the heading of level 2 at x.md:2 has no counterpart here"],
        ),
        # The last heading lost after the only one left: reported at that heading.
        (
            "# A\n## B\n",
            "\n# A\n",
            ["x.en.md:2:1: the heading of level 2 at x.md:2 has no counterpart here"],
        ),
        # Two sections renamed (their first anchors changed), the second one at another level.
        (
            "# A {#a}\n## B {#b}\n",
            "# A {#x}\n### B {#y}\n",
            [
                'x.en.md:1:7: the anchor "a" of the French page (x.md:1) is missing here',
                'x.en.md:1:7: the anchor "x" is not in the French page x.md',
                "x.en.md:2:1: this heading is of level 3 where the French page's heading (x.md:2) has level 2",
                'x.en.md:2:9: the anchor "b" of the French page (x.md:2) is missing here',
                'x.en.md:2:9: the anchor "y" is not in the French page x.md',
            ],
        ),
        # A section renamed, then a later one lost: both reported.
        (
            "# A {#a}\n## B\n## C\n",
            "# A {#x}\n## B\n",
            [
                'x.en.md:1:7: the anchor "a" of the French page (x.md:1) is missing here',
                'x.en.md:1:7: the anchor "x" is not in the French page x.md',
                "x.en.md:2:1: the heading of level 2 at x.md:3 has no counterpart here",
            ],
        ),
        # Two sections where the French page has one other: none can be paired, each is named.
        (
            "# A\n## B {#b}\n## C {#c}\n",
            "# A\n## X {#x}\n",
            [
                "x.en.md:2:1: the heading of level 2 at x.md:2 has no counterpart here",
                "x.en.md:2:1: the heading of level 2 at x.md:3 has no counterpart here",
                "x.en.md:2:1: this heading of level 2 has no counterpart in the French page x.md",
                'x.en.md:2:8: the anchor "b" of the French page (x.md:2) is missing here',
                'x.en.md:2:8: the anchor "c" of the French page (x.md:3) is missing here',
                'x.en.md:2:8: the anchor "x" is not in the French page x.md',
            ],
        ),
        # Each occurrence counts: two of three links to a.md lost, two of one anchor added.
        (
            "[1](a.md) [2](a.md) [3](a.md) {#p}\n",
            "[1](a.md) {#p} {#p}\n{#p}\n",
            [
                'x.en.md:1:1: a link to "a.md" of the French page (x.md:1) is missing here',
                'x.en.md:1:1: a link to "a.md" of the French page (x.md:1) is missing here',
                'x.en.md:1:18: the anchor "p" is not in the French page x.md',
                'x.en.md:2:3: the anchor "p" is not in the French page x.md',
            ],
        ),
        # The note linking the French original opens the first section: it does not hide a lost heading.
        (
            "# A\n[l](l.md)\n## B\n",
            "# A\n[the original](../../x/) [l](l.md)\n",
            ["x.en.md:1:1: the heading of level 2 at x.md:3 has no counterpart here"],
        ),
    ],
    ids=[
        "empty-translation",
        "last-heading-lost",
        "level-changed",
        "anchors-counted",
        "sections-swapped",
        "middle-heading-lost",
        "heading-lost-after-the-only-one",
        "renamed-sections-one-at-another-level",
        "renamed-section-then-one-lost",
        "sections-that-cannot-be-paired",
        "each-occurrence-counts",
        "note-to-the-original-opens-a-section",
    ],
)
def test_each_difference_is_reported_exactly_once_at_its_place(french, translation, expected):
    problems = compare("x.md", french, "x.en.md", translation, urls=("x/", "en/x/"))
    assert [str(problem) for problem in problems] == expected


def test_a_long_page_of_alike_sections_names_only_the_lost_title():
    """200 sections without anchors or links look alike, and none is taken for noise: the title
    lost above them is one problem, not 401."""
    sections = "".join(f"## Section {number}\n\nText.\n\n" for number in range(200))
    problems = compare("x.md", "# Title\n\n" + sections, "x.en.md", sections)
    assert [str(problem) for problem in problems] == [
        "x.en.md:1:1: the heading of level 1 at x.md:1 has no counterpart here"
    ]


@pytest.mark.parametrize(
    ("link", "allowed"),
    [
        ("../../x/", True),
        ("../../x/#p1", True),
        ("/x/", True),
        ("../../y/", False),
        ("x.md", False),
        ("https://example.org/x/", False),
        ("#p1", False),
        ("mailto:contact@example.org", False),
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
    (content / "x.es.md").write_text(GOOD.replace("{ #partie }", ""), encoding="utf-8")
    (content / "y.md").write_bytes(b"\xff\xfe# UTF-16\n")
    problems = check_translations(content, ("fr", "en", "es"))
    assert [str(p) for p in problems] == [
        "content/x.en.md:3:4: the file is not valid UTF-8 text: save it with the UTF-8 encoding",
        'content/x.es.md:21:5: the anchor "partie" of the French page (content/x.md:11) is missing here',
        "content/y.md:1:1: the file is saved as UTF-16: save it with the UTF-8 encoding",
    ]
