"""Every resource module's validator is in the table that `tidings dict check` runs, and the shipped data passes."""
import importlib
import inspect
import pkgutil

from click.testing import CliRunner

import tidings.resources as resources
from tidings.cli import main


def test_every_resource_module_with_a_validator_is_listed():
    modules = [m.name for m in pkgutil.iter_modules(resources.__path__)]
    with_validators = {name for name in modules if hasattr(importlib.import_module(f"tidings.resources.{name}"),
                                                           "validate")}
    assert with_validators == {name for name in resources.VALIDATORS if "." not in name}
    for name, functions in resources.VALIDATORS.items():
        module = importlib.import_module(name if "." in name else f"tidings.resources.{name}")
        assert all(callable(getattr(module, f)) for f in functions), name


def test_every_validator_of_shipped_data_is_listed():
    """Each function named validate* that checks the shipped data (callable without arguments) in the resource
    modules and the learned tables is one `tidings dict check` runs; those needing arguments check user files."""
    import tidings.learn as learn

    found = set()
    for package in (resources, learn):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for fname, function in inspect.getmembers(module, inspect.isfunction):
                if fname.startswith("validate") and function.__module__ == module.__name__ and all(
                        p.default is not p.empty for p in inspect.signature(function).parameters.values()):
                    found.add((module.__name__.removeprefix("tidings.resources."), fname))
    assert found == {(name, f) for name, functions in resources.VALIDATORS.items() for f in functions}


def test_the_shipped_data_is_sound():
    assert resources.validate_all() == {name: [] for name in resources.VALIDATORS}


def test_dict_check_runs_every_validator_and_names_the_resource_of_a_problem(monkeypatch):
    from tidings.resources import tone

    result = CliRunner().invoke(main, ["dict", "check"])
    assert result.exit_code == 0, result.output
    assert f"{len(resources.VALIDATORS)} resources checked" in result.output
    monkeypatch.setattr(tone, "validate", lambda: ["'happy' is both positive and negative"])
    monkeypatch.setattr(resources.places, "validate", lambda: 1 / 0)
    result = CliRunner().invoke(main, ["dict", "check"])
    assert result.exit_code == 1
    assert "tone: 'happy' is both positive and negative" in result.output
    assert "places: validate failed: ZeroDivisionError" in result.output
