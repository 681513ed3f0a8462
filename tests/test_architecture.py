"""The layout's promises: alliance/ imports nothing of the generator and has no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

from alliance.paths import ROOT

PACKAGE = ROOT / "alliance"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module an alliance module imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


MODULES = {_module_name(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_layout_is_read():
    assert {"alliance.data.yamlload", "alliance.pages.citymap", "alliance.exports.open_data"} <= set(MODULES)


def test_alliance_never_imports_the_generator():
    offenders = {
        name: sorted(
            i for i in imports if i.split(".")[0] in {"mkdocs", "properdocs", "material", "mkdocs_static_i18n"}
        )
        for name, imports in MODULES.items()
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def _graph() -> dict[str, set[str]]:
    return {name: {i for i in imports if i in MODULES and i != name} for name, imports in MODULES.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle():
    assert _cycle(_graph()) is None


def test_the_circle_finder_finds_a_circle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
