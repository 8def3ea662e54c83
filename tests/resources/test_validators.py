"""Every resource module's validator is in the table that `tidings dict check` runs, and the shipped data passes."""
import importlib
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
