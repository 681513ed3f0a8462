"""Front-end files the site serves itself, copied at build time from node_modules/ (installed by
`npm ci` from package-lock.json), never committed and never loaded from a CDN."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alliance.paths import ROOT

NODE_MODULES = ROOT / "node_modules"
# Where the files are published, from the root of the site (the same for every language).
VENDOR_URL = "assets/vendor/"


@dataclass(frozen=True)
class VendorFile:
    source: Path  # absolute, under node_modules/
    destination: str  # relative to the site's root


# Each package: its folder in node_modules, the folder it is published in, and its files.
# Leaflet's images/ must sit next to leaflet.css, which refers to them.
_PACKAGES = (
    (
        "leaflet",
        "leaflet",
        (
            "dist/leaflet.js",
            "dist/leaflet.css",
            "dist/images/layers.png",
            "dist/images/layers-2x.png",
            "dist/images/marker-icon.png",
            "dist/images/marker-icon-2x.png",
            "dist/images/marker-shadow.png",
            "LICENSE",
        ),
    ),
    (
        "leaflet.markercluster",
        "leaflet.markercluster",
        (
            "dist/leaflet.markercluster.js",
            "dist/MarkerCluster.css",
            "dist/MarkerCluster.Default.css",
            "MIT-LICENCE.txt",
        ),
    ),
)


class VendorMissing(Exception):
    """node_modules/ lacks a file the site serves: `npm ci` has not run."""


def vendor_files(node_modules: Path = NODE_MODULES) -> tuple[VendorFile, ...]:
    """The files to publish; raises VendorMissing naming every missing file."""
    files = tuple(
        VendorFile(node_modules / package / path, f"{VENDOR_URL}{folder}/{path.removeprefix('dist/')}")
        for package, folder, paths in _PACKAGES
        for path in paths
    )
    missing = [str(f.source.relative_to(node_modules.parent)) for f in files if not f.source.is_file()]
    if missing:
        raise VendorMissing(f"missing {', '.join(missing)}: run `make build` (it runs `npm ci`) to install them")
    return files
