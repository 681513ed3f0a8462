"""Interface texts that read as translated (issue 23), as readers met them, and what replaced them."""

from __future__ import annotations

import pytest

from alliance.data.dataset import load_dataset_cached
from alliance.data.labels import PLACEHOLDERS
from alliance.siteconfig import load_site_config

# (label, language, what read as translated, what the text says now)
REWORDED = [
    ("coverage", "en", "The Lisbon declaration counts more than", "According to the Lisbon declaration, more than"),
    ("coverage", "fr", "La déclaration de Lisbonne compte plus de", "Selon la déclaration de Lisbonne, plus de"),
    ("coverage", "es", "La declaración de Lisboa cuenta más de", "Según la declaración de Lisboa, más de"),
    ("coverage", "pt", "A declaração de Lisboa conta mais de", "Segundo a declaração de Lisboa, mais de"),
    ("map-city-roles", "en", "Role as the sources state it", "Role according to the sources"),
    ("practices-none", "en", "No practice yet", "No practices yet"),
    ("practices-none", "es", "Todavía ninguna práctica", "Todavía no hay ninguna práctica"),
    ("fallback-notice", "en", "is not translated yet", "has not been translated yet"),
    ("home-agenda-as-of", "pt", "A agenda em", "A agenda a"),
]


@pytest.fixture(scope="module")
def labels():
    return load_dataset_cached(load_site_config().codes).labels


@pytest.mark.parametrize("key, language, before, now", REWORDED, ids=[f"{k}-{lang}" for k, lang, _, _ in REWORDED])
def test_reworded_labels(labels, key, language, before, now):
    text = labels.ui(key, language, **dict.fromkeys(PLACEHOLDERS.get(key, ()), "1"))
    assert before not in text and now in text
