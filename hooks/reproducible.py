"""Makes two builds of one commit byte-identical: MkDocs dates the sitemap from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from alliance.assembly.reproducible import source_date_epoch


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    epoch = source_date_epoch(dict(os.environ), Path(config.config_file_path).parent)
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    return config
