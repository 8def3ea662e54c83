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


# --- stages keep to themselves -----------------------------------------------------------------------------
# A stage is a module or package directly under ``stages/`` (``stages/clean.py``, ``stages/quotes/``). Its
# public API is what ``tidings.stages.<stage>`` itself offers (its ``__init__``, or the module), and only
# names without a leading underscore that are in its ``__all__`` when it has one. Code of one stage may use
# another stage only through that API: never ``tidings.stages.<other>.<submodule>``, never a private name,
# never a dynamic import of a stage module by its dotted name.

STAGES = PACKAGE / "stages"


def stage_of(path: Path) -> str:
    return path.relative_to(STAGES).parts[0].removesuffix(".py")


def public_names(stage: str) -> set[str] | None:
    """A stage's ``__all__`` (None when it declares none)."""
    init = STAGES / stage / "__init__.py"
    path = init if init.exists() else STAGES / f"{stage}.py"
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return {e.value for e in node.value.elts}
    return None


def stage_uses(path: Path, source: str | None = None, own: str | None = None) -> list[tuple[str, str | None, str]]:
    """(stage, submodule or None, name) for every use of another stage's code: ``from tidings.stages.X[.sub]
    import name``, ``from tidings.stages import X``, ``import tidings.stages.X[.sub]`` and
    ``importlib.import_module("tidings.stages.X[.sub]")``."""
    own = own or stage_of(path)
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    found: list[tuple[str, str | None, str]] = []

    def add(dotted: str, name: str) -> None:
        parts = dotted.split(".")
        if parts[:2] != ["tidings", "stages"]:
            return
        if len(parts) == 2:  # from tidings.stages import X
            if name != own:
                found.append((name, None, ""))
            return
        if parts[2] != own:
            found.append((parts[2], ".".join(parts[3:]) or None, name))

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                add(node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, "")
        elif isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)) and \
                getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module" and node.args and \
                isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            add(node.args[0].value, "")
    return found


def violations(path: Path, source: str | None = None, own: str | None = None) -> list[str]:
    bad = []
    for stage, submodule, name in stage_uses(path, source, own):
        public = public_names(stage)
        if submodule is not None:
            bad.append(f"tidings.stages.{stage}.{submodule} (a module inside the {stage} stage)")
        elif name.startswith("_") or (name and public is not None and name not in public):
            bad.append(f"tidings.stages.{stage}.{name} (not in its public API)")
    return bad


@pytest.mark.parametrize("path", modules("stages"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_stage_uses_another_stage_only_through_its_public_api(path):
    if path.parent == STAGES and path.name == "__init__.py":
        return
    bad = violations(path)
    assert bad == [], f"{path.relative_to(PACKAGE)} uses {bad}"


def test_the_stage_api_rule_catches_what_it_forbids():
    here = STAGES / "events" / "coder.py"
    assert violations(here, "from tidings.stages.actors.index import default_index", "events")
    assert violations(here, "from tidings.stages.quotes import _inside", "events")
    assert violations(here, "from tidings.stages.actors import Resolver", "events")  # not in its __all__
    assert violations(here, "import importlib\nimportlib.import_module('tidings.stages.places.detect')", "events")
    assert violations(here, "import tidings.stages.coref.pronouns", "events")
    assert not violations(here, "from tidings.stages.actors import lookup\nfrom tidings.stages import coref", "events")
    assert not violations(here, "from tidings.stages.events import timing", "events")  # its own modules


def test_stage_attribute_access_stays_public():
    """``actors.lookup`` after ``from tidings.stages import actors``: the attribute is public API too."""
    for path in modules("stages"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.asname or alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module == "tidings.stages" for alias in node.names
                    if alias.name != stage_of(path)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in imported:
                public = public_names(node.value.id)
                assert not node.attr.startswith("_") and (public is None or node.attr in public), (
                    f"{path.relative_to(PACKAGE)} uses {node.value.id}.{node.attr}")
