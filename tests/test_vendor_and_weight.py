"""The front-end files served by the site, and the measure of a page's weight."""

from __future__ import annotations

import gzip

import pytest

from alliance.pageweight import page_weight
from alliance.vendor import VENDOR_URL, VendorMissing, vendor_files


def test_the_vendor_files_are_installed_and_leaflet_images_sit_next_to_its_css():
    files = {f.destination: f for f in vendor_files()}
    assert f"{VENDOR_URL}leaflet/leaflet.css" in files
    assert f"{VENDOR_URL}leaflet/images/marker-icon.png" in files
    assert all(f.source.is_file() for f in files.values())


def test_missing_vendor_files_are_named(tmp_path):
    with pytest.raises(VendorMissing, match=r"node_modules/leaflet/dist/leaflet\.js.*make build"):
        vendor_files(tmp_path / "node_modules")


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def test_page_weight_follows_scripts_styles_and_frames_but_not_other_hosts(tmp_path):
    files = {
        "en/map/index.html": b'<link rel="stylesheet" href="../../assets/a.css"><script src="../../assets/a.js"></script>'
                             b'<iframe src="frame.html"></iframe><img src="../../big.png">'
                             b'<script src="https://cdn.example.org/x.js"></script>',
        "en/map/frame.html": b'<script src="../../assets/a.js"></script><script src="../../assets/b.js"></script>',
        "assets/a.css": b"body{}" * 50,
        "assets/a.js": b"var a;" * 100,
        "assets/b.js": b"var b;" * 30,
        "big.png": b"\x00" * 10_000,
    }
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    weight = page_weight(tmp_path, "en/map/index.html")
    counted = [p for p in files if p != "big.png"]
    assert sorted(weight.compressed) == sorted(counted)
    assert weight.total == sum(_gz(files[p]) for p in counted)
