"""The front-end files the site serves itself, copied from node_modules (no CDN)."""

from __future__ import annotations

import pytest

from alliance.assembly.vendor import VENDOR_URL, VendorMissing, vendor_files


@pytest.mark.repository  # reads what `npm ci` installed
def test_the_vendor_files_are_installed_and_leaflet_images_sit_next_to_its_css():
    files = {f.destination: f for f in vendor_files()}
    assert f"{VENDOR_URL}leaflet/leaflet.css" in files
    assert f"{VENDOR_URL}leaflet/images/marker-icon.png" in files
    assert all(f.source.is_file() for f in files.values())


def test_missing_vendor_files_are_named(tmp_path):
    with pytest.raises(VendorMissing, match=r"node_modules/leaflet/dist/leaflet\.js.*make build"):
        vendor_files(tmp_path / "node_modules")
