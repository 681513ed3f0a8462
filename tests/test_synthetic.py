"""The benchmark's synthetic data is valid data of the requested size, and never lands in data/."""

from __future__ import annotations

import pytest

from alliance.data.dataset import load_dataset
from alliance.paths import DATA_DIR
from alliance.siteconfig import load_site_config
from scripts.synthetic import write_synthetic_data

LANGUAGES = load_site_config().codes


def test_synthetic_data_passes_validation(tmp_path, real_dataset):
    write_synthetic_data(tmp_path / "data", 30, 40, LANGUAGES)
    dataset = load_dataset(LANGUAGES, tmp_path / "data")
    real_cities = len(real_dataset.cities)
    assert (len(dataset.cities), len(dataset.actions)) == (real_cities + 30, 40)
    assert {a.when.precision for a in dataset.actions} == {"day", "range", "month", "year", "yearly", "undated"}
    assert all(city.name.has(language) for city in dataset.cities[real_cities:] for language in LANGUAGES)


def test_synthetic_data_never_goes_into_data(tmp_path):
    with pytest.raises(ValueError, match="never goes into"):
        write_synthetic_data(DATA_DIR, 1, 1, LANGUAGES)
