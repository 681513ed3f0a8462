"""What a key page loads of the site's own CSS and JavaScript and does not use (Lighthouse's "Reduce
unused CSS" and "Reduce unused JavaScript"), from Chromium's coverage during the shared visit."""

from __future__ import annotations

import pytest

from alliance.builtsite.unused import UnusedCode
from tests.quality.cases import KEY_PAGE_CASES


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_unused_css_and_javascript_within_budget(observation, quality_report, page, language, address):
    load = observation(page, language, address)
    load.step("coverage")
    codes = [UnusedCode(**code) for code in load.unused_code]
    assert any(code.kind == "css" for code in codes), f"no style sheet of the site seen on /{address}"
    for kind, budget in (("css", page.unused_css_budget), ("js", page.unused_js_budget)):
        files = sorted((code for code in codes if code.kind == kind), key=lambda code: -code.unused_gzip)
        unused = sum(code.unused_gzip for code in files)
        quality_report.append(
            f"unused {kind} /{address}: {unused / 1000:.1f} kB gzip of {sum(c.gzip for c in files) / 1000:.1f} kB, budget {budget / 1000:.0f} kB ("
            + ", ".join(f"{code.url.rsplit('/', 1)[-1] or code.url} {code.unused_gzip}" for code in files[:3])
            + ")"
        )
        assert unused <= budget, (
            f"/{address} leaves {unused} bytes gzip of its {kind} unused, over its budget of {budget}: "
            + ", ".join(f"{code.url} {code.unused}/{code.length} characters unused" for code in files[:5])
        )
