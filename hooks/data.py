"""Validates data/ before anything is written: invalid data stops the build with its report."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hooks.site import dataset, i18n

log = logging.getLogger("mkdocs.hooks.data")


# Before the i18n plugin's own on_config, so that nothing of any language is built on bad data.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = dataset(config)
    if i18n(config).current_language in (None, i18n(config).default_language):
        log.info(f"Data valid: {data.coverage.summary()}")
    return config
