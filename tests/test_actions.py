"""The agenda's records (alliance/data/actions.py): built from data that passed the checks, in the
order readers see them."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance.data.actions import Action, DateError, When, build_actions, parse_when
from alliance.data.evidence import Evidence, declaration_source
from alliance.localized import LocalizedText


def quote(*claims: str) -> dict:
    return {"claim": list(claims), "source": "declaration#p4", "quote": "Citation.", "translation": {"en": "Quote."}}


DATA = {
    "actions": [
        {
            "id": "a-network",
            "title": {"fr": "Réseau", "en": "Network"},
            "summary": {"fr": "En cours."},
            "place": {"region": "network"},
            "status": "ongoing",
            "evidence": [quote("title", "summary", "status", "place")],
        },
        {
            "id": "b-forum",
            "title": {"fr": "Forum"},
            "summary": {"fr": "Deux jours.", "pt": "Dois dias."},
            "when": "2023-01-26/2023-01-27",
            "place": {"city": "porto"},
            "targets": ["territories", "institutions"],
            "status": "held",
            "evidence": [quote("title", "summary", "status", "place", "when"), quote("targets")],
        },
        {
            "id": "c-opening",
            "title": {"fr": "Ouverture"},
            "summary": {"fr": "Un jour."},
            "when": "2023-01-26",
            "place": {"city": "porto"},
            "status": "held",
            "evidence": [quote("title", "summary", "status", "place", "when")],
        },
        {
            "id": "d-last-year",
            "title": {"fr": "Fin"},
            "summary": {"fr": "La dernière année."},
            "when": 2099,
            "place": {"region": "europe"},
            "status": "planned",
            "evidence": [quote("title", "summary", "status", "place", "when")],
        },
        {
            "id": "0-fair",
            "title": {"fr": "Foire"},
            "summary": {"fr": "Chaque année."},
            "when": "yearly",
            "place": {"region": "africa"},
            "status": "recurring",
            "evidence": [quote("title", "summary", "status", "place", "when")],
        },
    ]
}


def evidence(*claims: tuple[str, ...]) -> tuple[Evidence, ...]:
    return tuple(Evidence(c, declaration_source(4), "Citation.", {"en": "Quote."}) for c in claims)


def test_actions_are_built_as_typed_records_dated_first_then_by_id():
    """A day before the range that starts on it; the last possible year before the undated ones."""
    claims = ("title", "summary", "status", "place", "when")
    assert build_actions(DATA, {}) == (
        Action(
            "c-opening",
            LocalizedText.from_data({"fr": "Ouverture"}),
            LocalizedText.from_data({"fr": "Un jour."}),
            When("day", dt.date(2023, 1, 26), dt.date(2023, 1, 26)),
            "porto",
            None,
            (),
            "held",
            evidence(claims),
        ),
        Action(
            "b-forum",
            LocalizedText.from_data({"fr": "Forum"}),
            LocalizedText.from_data({"fr": "Deux jours.", "pt": "Dois dias."}),
            When("range", dt.date(2023, 1, 26), dt.date(2023, 1, 27)),
            "porto",
            None,
            ("territories", "institutions"),
            "held",
            evidence(claims, ("targets",)),
        ),
        Action(
            "d-last-year",
            LocalizedText.from_data({"fr": "Fin"}),
            LocalizedText.from_data({"fr": "La dernière année."}),
            When("year", dt.date(2099, 1, 1), dt.date(2099, 12, 31)),
            None,
            "europe",
            (),
            "planned",
            evidence(claims),
        ),
        Action(
            "0-fair",
            LocalizedText.from_data({"fr": "Foire"}),
            LocalizedText.from_data({"fr": "Chaque année."}),
            When("yearly"),
            None,
            "africa",
            (),
            "recurring",
            evidence(claims),
        ),
        Action(
            "a-network",
            LocalizedText.from_data({"fr": "Réseau", "en": "Network"}),
            LocalizedText.from_data({"fr": "En cours."}),
            When("undated"),
            None,
            "network",
            (),
            "ongoing",
            evidence(("title", "summary", "status", "place")),
        ),
    )


def test_a_file_without_actions_has_none():
    assert build_actions({"actions": None}, {}) == build_actions({}, {}) == ()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-06-15/2023-06-16/2023-06-17", '"2023-06-16/2023-06-17" is not a day of the form 2023-06-15'),
        ("2023-06-15/16", '"16" is not a day of the form 2023-06-15'),
        ("2023-02-30", '"2023-02-30" is not a real calendar date'),
        ("2023-06-16/2023-06-15", "the range ends (2023-06-15) before it starts (2023-06-16)"),
        ("2023-13", '"2023-13": there is no month 13'),
        ("juin 2025", '"juin 2025" is not a date'),
    ],
)
def test_a_when_that_is_no_date_is_refused_saying_what_is_wrong(value, message):
    with pytest.raises(DateError) as refused:
        parse_when(value)
    assert str(refused.value) == message
