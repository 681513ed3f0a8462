"""One Jinja bytecode cache for the whole build process.

The i18n plugin builds each language with a new Jinja environment, which compiles every theme
template again (Material's: ~140 templates, four times). Jinja's bytecode cache is the documented
way to share the compiled code between environments; it checks each template's source, so an
edited template is compiled again (`mkdocs serve`).
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the template's source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
