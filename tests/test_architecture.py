"""The package is a clean stack: layered imports, no cycle, and a public API the docs agree with."""

import ast
import importlib
import pathlib
import re
import subprocess
import sys

import pytest

import policegrades as pg

SOURCE = pathlib.Path(pg.__file__).parent
DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"

# Lowest first: a module may import only from its own layer or the layers below.
LAYERS = [
    {"_version", "errors", "_words", "_layout", "_fields", "_names"},
    {
        "grades",
        "counts",
        "provenance",
        "_dates",
        "police_forces",
        "rounds",
        "lineage",
        "monitoring",
    },
    {"assessments"},
    {"_files"},
    {"_wire"},
    {"catalogues"},
    {"serialisation"},
    {"bundled"},
    {"fixtures", "merging", "templates", "engagement", "tilemap"},
    {"summaries", "histories"},
    {"comparison", "rankings", "knowledge"},
    {"across"},
    {"render", "tables", "period_tables", "strategies", "_hypothesis_plugin"},
    {"_charts"},
    {"frames", "plot", "files", "reports", "export", "html", "checks", "maps"},
    {"period_reports"},
    {"cli", "__main__"},
    {"__init__"},
]
LAYER = {module: level for level, modules in enumerate(LAYERS) for module in modules}


def _modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in SOURCE.glob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imported(node: ast.stmt) -> list[str]:
    """The package's own modules an import statement names."""
    if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("policegrades"):
        if node.module == "policegrades":
            return [alias.name for alias in node.names]
        return [node.module.removeprefix("policegrades.")]
    if isinstance(node, ast.Import):
        return [
            alias.name.removeprefix("policegrades.")
            for alias in node.names
            if alias.name.startswith("policegrades.")
        ]
    return []


def _top_level_imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and _is_type_checking(node):
            continue
        found.update(_imported(node))
        if isinstance(node, ast.If):  # a version check
            for inner in [*node.body, *node.orelse]:
                found.update(_imported(inner))
    return found


def test_every_module_has_a_layer() -> None:
    assert set(_modules()) == set(LAYER)


def test_every_import_points_down_the_stack() -> None:
    for name, tree in _modules().items():
        for target in _top_level_imports(tree):
            assert LAYER[target] <= LAYER[name], f"{name} imports {target}, a layer above it"


def test_the_import_graph_has_no_cycle() -> None:
    graph = {name: _top_level_imports(tree) - {name} for name, tree in _modules().items()}
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> None:
        assert node not in path, " → ".join([*path, node])
        if node in done:
            return
        path.append(node)
        for target in sorted(graph[node]):
            visit(target)
        path.pop()
        done.add(node)

    for name in sorted(graph):
        visit(name)


def test_no_function_imports_a_module_of_the_package() -> None:
    # The command line alone imports in its commands: an answer pays only for its own modules,
    # and nothing imports the command line, so no cycle can hide there.
    for name, tree in _modules().items():
        if name == "cli":
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        assert not _imported(inner), (
                            f"{name}.{node.name} imports {_imported(inner)}"
                        )


def test_the_command_line_imports_no_command_before_it_runs() -> None:
    code = (
        "import sys, policegrades.cli; "
        "print(' '.join(m for m in sys.modules if m.startswith(('policegrades.', 'cattrs'))))"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for heavy in ("bundled", "serialisation", "reports", "render", "export", "plot", "checks"):
        assert f"policegrades.{heavy}" not in loaded, heavy
    assert "cattrs" not in loaded


def test_every_public_module_declares_all() -> None:
    for name, tree in _modules().items():
        if name in {"__main__", "_version"}:
            continue
        names = [
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        ]
        assert "__all__" in names, name


def test_all_the_lazy_names_and_the_eager_ones_agree() -> None:
    lazy = set(pg._LAZY)
    eager = {name for name in pg.__all__ if name not in lazy}
    assert lazy <= set(pg.__all__)
    for name in eager:
        assert name in vars(pg), name
    for name in pg.__all__:
        assert getattr(pg, name) is not None
    assert sorted(pg.__all__) == pg.__all__


@pytest.mark.parametrize("name", [n for n in pg.__all__ if n != "__version__"])
def test_the_api_reference_documents_every_public_name(name: str) -> None:
    reference = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"\.\. auto\w+:: policegrades\.(\w+)", reference))
    documented |= set(re.findall(r"\.\. automodule:: policegrades\.(\w+)", reference))
    assert name in documented


def test_the_api_reference_names_nothing_that_is_gone() -> None:
    reference = (DOCS / "api.md").read_text(encoding="utf-8")
    for path in re.findall(r"\.\. auto\w+:: (policegrades[\w.]*)", reference):
        module, _, name = path.rpartition(".")
        if (SOURCE / f"{name}.py").exists() and module == "policegrades":
            continue  # a module documented whole
        value = importlib.import_module(module)
        assert hasattr(value, name), path
