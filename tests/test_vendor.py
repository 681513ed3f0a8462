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


# What `npm ci` installs of the two packages, as vendor.py lists it.
INSTALLED = (
    "leaflet/dist/leaflet.js",
    "leaflet/dist/leaflet.css",
    "leaflet/dist/images/layers.png",
    "leaflet/dist/images/layers-2x.png",
    "leaflet/dist/images/marker-icon.png",
    "leaflet/dist/images/marker-icon-2x.png",
    "leaflet/dist/images/marker-shadow.png",
    "leaflet/LICENSE",
    "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css",
    "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "leaflet.markercluster/MIT-LICENCE.txt",
)


def _node_modules(root, leaving_out=()):
    for path in INSTALLED:
        if path not in leaving_out:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text("x", encoding="utf-8")
    return root


def test_each_vendor_file_is_published_under_its_package_without_dist(tmp_path):
    node_modules = _node_modules(tmp_path / "node_modules")
    assert {f.destination: f.source.relative_to(tmp_path).as_posix() for f in vendor_files(node_modules)} == {
        "assets/vendor/leaflet/leaflet.js": "node_modules/leaflet/dist/leaflet.js",
        "assets/vendor/leaflet/leaflet.css": "node_modules/leaflet/dist/leaflet.css",
        "assets/vendor/leaflet/images/layers.png": "node_modules/leaflet/dist/images/layers.png",
        "assets/vendor/leaflet/images/layers-2x.png": "node_modules/leaflet/dist/images/layers-2x.png",
        "assets/vendor/leaflet/images/marker-icon.png": "node_modules/leaflet/dist/images/marker-icon.png",
        "assets/vendor/leaflet/images/marker-icon-2x.png": "node_modules/leaflet/dist/images/marker-icon-2x.png",
        "assets/vendor/leaflet/images/marker-shadow.png": "node_modules/leaflet/dist/images/marker-shadow.png",
        "assets/vendor/leaflet/LICENSE": "node_modules/leaflet/LICENSE",
        "assets/vendor/leaflet.markercluster/leaflet.markercluster.js": (
            "node_modules/leaflet.markercluster/dist/leaflet.markercluster.js"
        ),
        "assets/vendor/leaflet.markercluster/MarkerCluster.css": "node_modules/leaflet.markercluster/dist/MarkerCluster.css",
        "assets/vendor/leaflet.markercluster/MarkerCluster.Default.css": (
            "node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css"
        ),
        "assets/vendor/leaflet.markercluster/MIT-LICENCE.txt": "node_modules/leaflet.markercluster/MIT-LICENCE.txt",
    }


def test_every_missing_vendor_file_is_named_once(tmp_path):
    node_modules = _node_modules(
        tmp_path / "node_modules", leaving_out={"leaflet/LICENSE", "leaflet.markercluster/dist/MarkerCluster.css"}
    )
    with pytest.raises(VendorMissing) as raised:
        vendor_files(node_modules)
    assert str(raised.value) == (
        "missing node_modules/leaflet/LICENSE, node_modules/leaflet.markercluster/dist/MarkerCluster.css: "
        "run `make build` (it runs `npm ci`) to install them"
    )
