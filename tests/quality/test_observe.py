"""The one visit per key page sees what each browser check asserts on: a page built to fail them all."""

from __future__ import annotations

from contextlib import ExitStack

from filelock import FileLock

from tests.quality import browser as chromium
from tests.quality.observe import OBSERVED_TOGETHER, Target, claim, observe_together

# Everything wrong at once: an image without text and missing (axe, failed request), a script
# blocked by the page's policy and one that logs an error, a request and a socket to other hosts,
# a language switcher the keyboard cannot reach, a navigation link to a page in no language, a
# style rule and a function never used.
FAILING_PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'; img-src 'self'">
<title>t</title><link rel="stylesheet" href="style.css"><script src="code.js"></script></head><body>
<header class="md-header"><div class="md-select"><button tabindex="-1">langue</button>
<div><a class="md-select__link" hreflang="en" href="en/">en</a></div></div></header>
<nav class="md-nav--primary"><a class="md-nav__link" href="other/">other</a></nav>
<img src="missing.png"><img src="https://images.example.com/x.png" alt="x">
<script>console.error("broken"); new WebSocket("ws://127.0.0.1:1/socket"); fetch("https://tracker.example.com/b");</script>
</body></html>"""
USED_RULE, UNUSED_RULE = "header { color: black }", ".never-shown { color: red }"
STYLE = ("style.css", USED_RULE + "\n" + UNUSED_RULE)
UNUSED_FUNCTION = "function neverCalled() { return 'a long string that no one reads' }"
SCRIPT = ("code.js", "function called() { return 1 }\n" + UNUSED_FUNCTION + "\ncalled();")
# A page observed in the same run, in a tab of its own: requests sent late, by a timer (1.5 s after
# the page is shown) and by a chain (a timer set when the answer to a timer's request arrives, 1.8 s).
LATE_PAGE = """<!doctype html><html lang="fr"><title>t</title>
<header class="md-header"><div class="md-select"><button>langue</button>
<div><a class="md-select__link" hreflang="en" href="../en/">en</a></div></div></header>
<nav class="md-nav--primary"><a class="md-nav__link" href="../other/">other</a></nav><script>
setTimeout(() => fetch("https://late.example.com/timer"), 1500);
setTimeout(() => fetch("data.json").then(() => setTimeout(() => fetch("https://late.example.com/chain"), 1000)), 800);
</script></html>"""


def test_each_watch_of_the_visit_sees_what_it_should(browser, tmp_path):
    (tmp_path / "index.html").write_text(FAILING_PAGE, encoding="utf-8")
    for name, text in (STYLE, SCRIPT):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "late").mkdir()
    (tmp_path / "late" / "index.html").write_text(LATE_PAGE, encoding="utf-8")
    (tmp_path / "late" / "data.json").write_text("{}", encoding="utf-8")
    with chromium.serve(tmp_path, "/site/") as base_url:
        # The late page's tab is opened first: it waits for its late requests while the other loads.
        late, seen = observe_together(browser, base_url, [Target("late/", (), "en"), Target("", (), "en")])
    # Each tab records its own page: the late requests, nothing of the other page.
    assert late.outside_requests == ["https://late.example.com/timer", "https://late.example.com/chain"]
    assert not (late.errors or late.failed_requests or late.websockets or late.csp_violations), late
    assert "error: broken" not in late.console and not set(late.own_requests) & set(seen.own_requests)
    assert seen.base_url == base_url and "load" not in seen.errors, seen.errors
    assert f"404 {base_url}missing.png" in seen.failed_requests
    assert any(response.startswith("200 ") and response.endswith("/site/") for response in seen.responses)
    assert f"{base_url}missing.png" in seen.own_requests
    assert "https://tracker.example.com/b" in seen.outside_requests
    assert seen.websockets == ["ws://127.0.0.1:1/socket"]
    assert "error: broken" in seen.console
    assert [(v["directive"], v["blocked"]) for v in seen.csp_violations] == [
        ("img-src", "https://images.example.com/x.png")
    ]
    assert "image-alt" in {violation["id"] for violation in seen.axe_violations}
    assert seen.keyboard_expected == {"language switcher": 1, "language link": 1, "navigation": 1}
    assert "language switcher 0" not in seen.keyboard_reached and "navigation 0" in seen.keyboard_reached
    unused = {code["url"].rsplit("/", 1)[-1]: code for code in seen.unused_code}
    assert unused["style.css"]["unused"] == len(STYLE[1]) - len(USED_RULE)
    assert (unused["code.js"]["unused"], unused["code.js"]["length"]) == (len(UNUSED_FUNCTION), len(SCRIPT[1]))
    # The switcher is out of the keyboard's reach: its step broke, and only its check fails.
    assert set(seen.errors) == {"switcher"}, seen.errors
    # The page reached is the server's own error page, in English.
    assert seen.navigation == {"href": "other/", "url": base_url + "other/", "lang": "en"}


def test_a_worker_takes_the_pages_no_one_has_observed_nor_is_observing(tmp_path):
    pages = [Target(f"page{number}/", (), "en") for number in range(OBSERVED_TOGETHER + 3)]
    (tmp_path / "page0.json").write_text("{}", encoding="utf-8")  # observed
    with FileLock(f"{tmp_path / 'page1.json'}.lock"), ExitStack() as held:  # being observed by another worker
        assert claim(tmp_path, pages, held) == pages[2 : 2 + OBSERVED_TOGETHER]
        # Until this worker has written them, another takes only what is left.
        with ExitStack() as other:
            assert claim(tmp_path, pages, other) == pages[2 + OBSERVED_TOGETHER :]
    with ExitStack() as held:
        assert claim(tmp_path, pages, held) == pages[1 : 1 + OBSERVED_TOGETHER]
