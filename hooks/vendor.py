"""Adds the front-end files of node_modules/ that the map needs to the site (alliance/assembly/vendor.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from alliance.assembly.vendor import VendorMissing, vendor_files


# Files outside docs_dir keep their destination through the i18n plugin: one copy at the site's
# root, shared by every language.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        vendored = vendor_files()
    except VendorMissing as error:
        raise PluginError(f"The map's front-end files are not installed: {error}") from None
    for vendor in vendored:
        files.append(
            File(vendor.source.name, str(vendor.source.parent), config.site_dir, False, dest_uri=vendor.destination)
        )
    return files
