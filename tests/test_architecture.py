"""The layering DESIGN §7 promises: the model imports nothing of tidings, stages never touch the
store or a screen, SQL lives only in storage/, and the faces call the library instead of extracting."""
import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tidings"
SQL = re.compile(r"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX))")


def modules(folder: str):
    return sorted((PACKAGE / folder).rglob("*.py"))


def tidings_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tidings"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tidings"))
    return found


def code_strings(path: Path) -> list[str]:
    """String literals that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


@pytest.mark.parametrize("path", modules("models"), ids=lambda p: p.name)
def test_model_imports_nothing_else_of_tidings(path):
    assert {m for m in tidings_imports(path) if not m.startswith("tidings.models")} == set()


@pytest.mark.parametrize("path", modules("stages"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_stages_never_touch_store_or_faces(path):
    bad = {m for m in tidings_imports(path)
           if m.split(".")[1:2] and m.split(".")[1] in {"storage", "cli", "api", "web", "batch", "query"}}
    assert bad == set(), f"{path} imports {bad}"


@pytest.mark.parametrize("path", [p for p in PACKAGE.rglob("*.py") if "storage" not in p.parts],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_sql_outside_storage(path):
    assert [s for s in code_strings(path) if SQL.search(s)] == []


@pytest.mark.parametrize("folder", ["cli", "api"])
def test_faces_do_not_import_stage_internals(folder):
    for path in modules(folder):
        internals = {m for m in tidings_imports(path) if m.startswith("tidings.stages.") and m.count(".") > 2}
        assert internals <= {"tidings.stages.events.explain", "tidings.stages.ingest.readers"}, (path, internals)
