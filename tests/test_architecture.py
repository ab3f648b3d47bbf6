"""The layout shows the design: dependencies point one way, and no module imports, at any
level (function-level imports included), a module that imports it back.

The layers, lowest first — a module may import only from its own layer or lower ones:

0. ``errors``, ``shortcuts``, ``numerals``, ``vocabulary``, ``grammars``, ``units``, ``optional``,
   ``distribution``
1. ``language`` — values, bounds, the grammar and its reading, lenient repairs, split form
2. ``model`` — the 绩效目标表 records, findings and lint (no format code)
3. ``scoring`` — attainment and rule sets
4. ``formats`` — spec files, JSON, actuals files, workbooks (the edge); ``batch`` — columnar
   scoring of whole tables
5. ``strategies``, ``cli`` and ``command`` (its entry point), the package itself
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SOURCE = Path(__file__).parents[1] / "src" / "indicatorkit"

LAYERS = {
    "errors": 0,
    "shortcuts": 0,
    "numerals": 0,
    "vocabulary": 0,
    "grammars": 0,
    "distribution": 0,
    "units": 0,
    "optional": 0,
    "language": 1,
    "model": 2,
    "scoring": 3,
    "formats": 4,
    "batch": 4,
    "strategies": 5,
    "testing": 5,
    "cli": 5,
    "cli_help": 5,
    "__main__": 6,  # python -m indicatorkit
    "command": 5,  # the entry point: --version, then the cli
    "": 6,  # indicatorkit/__init__.py
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterator[str]:
    """Every indicatorkit module ``path`` imports, wherever the import statement sits —
    except under ``if TYPE_CHECKING:``, which never runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                skipped.add(id(inner))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("indicatorkit"):
                    yield alias.name
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("indicatorkit")
        ):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                yield candidate if _exists(candidate) else node.module


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (SOURCE / relative).with_suffix(".py").exists() or (SOURCE / relative).is_dir()


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        name = _module_name(path)
        graph[name] = {imported for imported in _imports(path) if imported != name}
    return graph


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else ""]


def test_every_module_has_a_layer() -> None:
    for module in _graph():
        _layer(module)


def test_dependencies_point_down() -> None:
    upward = [
        f"{module} → {imported}"
        for module, imports in _graph().items()
        for imported in imports
        if _layer(imported) > _layer(module)
    ]
    assert upward == []


def test_no_import_cycle() -> None:
    graph = _graph()
    # a package's own __init__ imports its modules; that is not a cycle of ideas
    edges = {
        module: {i for i in imports if i in graph and not module.startswith(i + ".")}
        for module, imports in graph.items()
        if module != "indicatorkit"
    }
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for imported in sorted(edges.get(module, ())):
            if state.get(imported) == 1:
                cycle = [*stack[stack.index(imported) :], imported]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if imported not in state:
                visit(imported)
        stack.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)


def test_the_checker_sees_function_level_imports(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "def f():\n    from indicatorkit.language import reading\n"
        "if TYPE_CHECKING:\n    from indicatorkit import model\n",
        encoding="utf-8",
    )
    assert list(_imports(source)) == ["indicatorkit.language.reading"]
