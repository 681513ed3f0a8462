"""Validates data/ before anything is written: invalid data stops the build with its report."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hooks.site import guarded, i18n, languages, load_data

log = logging.getLogger("mkdocs.hooks.data")


# Before the i18n plugin's own on_config, so that nothing of any language is built on bad data.
@event_priority(100)
@guarded(lambda config: "data/")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = load_data(config)
    if i18n(config).current_language in (None, i18n(config).default_language):
        log.info(f"Data valid: {data.coverage.summary()}")
        for language in languages(config):
            if missing := data.labels.untranslated(language):
                log.info(
                    f"{language}: {len(missing)} labels of data/labels.yaml are not translated; they are shown in French"
                )
    return config
