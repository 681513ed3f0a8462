"""The mutation report (`make mutate`): scores per module, and survivors nobody explained."""

from __future__ import annotations

import json

from scripts.mutation_score import equivalent_mutants, report, stale, statuses


def test_statuses_are_read_from_mutmuts_files(tmp_path):
    meta = tmp_path / "alliance" / "pages" / "markup.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": {"m.a__mutmut_1": 1, "m.a__mutmut_2": 0, "m.a__mutmut_3": None}}))
    assert statuses(tmp_path) == {
        "alliance/pages/markup.py": {
            "m.a__mutmut_1": "killed",
            "m.a__mutmut_2": "survived",
            "m.a__mutmut_3": "not checked",
        }
    }


def test_listed_survivors_are_equivalent_and_the_others_are_reported(tmp_path):
    listed = tmp_path / "equivalent.txt"
    listed.write_text("# header\nm.a__mutmut_2  # writes the same text\n\n", encoding="utf-8")
    equivalent = equivalent_mutants(listed)
    assert equivalent == {"m.a__mutmut_2": "writes the same text"}
    lines, unexplained = report(
        {
            "a.py": {
                "m.a__mutmut_1": "killed",
                "m.a__mutmut_2": "survived",
                "m.a__mutmut_3": "survived",
                "m.a__mutmut_4": "timeout",
            }
        },
        equivalent,
    )
    assert unexplained == ["m.a__mutmut_3"]
    # 4 mutants, 1 equivalent: 2 of the 3 others are caught (a timeout counts as caught).
    assert lines[1].split() == ["a.py", "4", "2", "1", "1", "67", "%"]


def test_a_mutant_no_test_reaches_is_a_survivor():
    lines, unexplained = report({"a.py": {"m.a__mutmut_1": "killed", "m.a__mutmut_2": "no tests"}}, {})
    assert unexplained == ["m.a__mutmut_2"]
    assert lines[1].split() == ["a.py", "2", "1", "0", "1", "50", "%"]
    assert lines[2].split() == ["0", "not", "checked,", "1", "reached", "by", "no", "test"]


def test_a_listed_mutant_that_no_longer_survives_is_reported():
    results = {
        "alliance/x/a.py": {
            "alliance.x.a.f__mutmut_1": "killed",
            "alliance.x.a.f__mutmut_2": "survived",
            "alliance.x.a.f__mutmut_3": "no tests",
            "alliance.x.a.f__mutmut_4": "not checked",
        }
    }
    listed = {
        "alliance.x.a.f__mutmut_1": "was equivalent",
        "alliance.x.a.f__mutmut_2": "is",
        "alliance.x.a.f__mutmut_3": "is",
        "alliance.x.a.f__mutmut_4": "not run this time",
        "alliance.x.a.gone__mutmut_9": "its function is gone",
        "alliance.x.ab.f__mutmut_1": "another module, not run",
        "alliance.x.b.f__mutmut_1": "another module, not run",
    }
    assert stale(results, listed) == ["alliance.x.a.f__mutmut_1", "alliance.x.a.gone__mutmut_9"]
