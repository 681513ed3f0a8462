"""Shares the compiled theme templates between the language passes (alliance/assembly/templatecache.py)."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from alliance.assembly.templatecache import MemoryBytecodeCache

_compiled = MemoryBytecodeCache()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _compiled
    return env
