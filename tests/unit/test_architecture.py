"""House rules of the layering (DEVELOPERS.md), checked on the real source tree."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import backskills

PACKAGE = Path(backskills.__file__).parent
NOT_DOMAIN = {"cli", "render", "__main__"}


def domain_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in NOT_DOMAIN or rel.stem == "__main__":
            continue
        parts = ["backskills", *rel.with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_domain_modules_never_import_typer_or_rich() -> None:
    modules = domain_modules()
    assert "backskills.store" in modules and "backskills.models.journal" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"domain code pulled in: {result.stdout}"


def _sources(exclude: str) -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != exclude]


def test_only_render_imports_rich() -> None:
    pattern = re.compile(r"^\s*(from rich\b|import rich\b)", re.MULTILINE)
    offenders = [str(p) for p in _sources("render") if pattern.search(p.read_text())]
    assert offenders == []


def test_domain_never_prints_or_exits() -> None:
    pattern = re.compile(r"(^|\s)(print\(|sys\.exit\(|input\()", re.MULTILINE)
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in NOT_DOMAIN:
            continue
        if pattern.search(path.read_text()):
            offenders.append(str(rel))
    assert offenders == []


def test_cli_does_no_file_io() -> None:
    pattern = re.compile(
        r"\bopen\(|\.read_text\(|\.write_text\(|\.read_bytes\(|\.write_bytes\(|os\.replace\("
    )
    offenders = [str(p) for p in (PACKAGE / "cli").rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_only_the_store_knows_the_journal_file() -> None:
    pattern = re.compile(r"journal\.json|write_atomic|JOURNAL_NAME")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "store":
            continue
        if pattern.search(path.read_text()):
            offenders.append(str(rel))
    assert offenders == []


def test_help_and_version_do_not_import_the_domain() -> None:
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "from backskills.plugins_off import LOADER\n"  # a stand-in, not pydantic's module
        "loaded = sorted(m for m in sys.modules if m != LOADER and m.startswith(('pydantic', 'backskills.store', 'backskills.models')))\n"
        "print('LOADED:' + ','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"


def test_today_loads_the_history_only_on_a_monday(tmp_path: Path) -> None:
    def loaded(day: str) -> str:
        code = (
            "import sys\n"
            "from backskills.cli.main import main\n"
            f"try:\n    main(['--data-dir', {str(tmp_path)!r}, 'today'])\n"
            "except SystemExit:\n    pass\n"
            "print('LOADED:' + ','.join(sorted(m for m in sys.modules "
            "if m in ('backskills.domain.history', 'backskills.domain.summary'))))\n"
        )
        env = {**os.environ, "BACKSKILLS_TODAY": day}
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        return result.stdout.strip().splitlines()[-1]

    env = {**os.environ, "BACKSKILLS_TODAY": "2026-02-20"}
    logged = [sys.executable, "-m", "backskills", "--data-dir", str(tmp_path), "pain", "3"]
    subprocess.run(logged, capture_output=True, check=True, env=env)
    assert loaded("2026-03-03") == "LOADED:"  # a Tuesday
    assert loaded("2026-03-02") == "LOADED:backskills.domain.history"  # a Monday


ARCHITECTURE = PACKAGE.parents[1] / "ARCHITECTURE.md"
NAMED = re.compile(r"`(backskills/[\w/]*?(?:\.py|/))`")


def test_architecture_names_only_modules_that_exist() -> None:
    named = NAMED.findall(ARCHITECTURE.read_text())
    assert len(named) > 40
    missing = [name for name in named if not (PACKAGE.parent / name).exists()]
    assert missing == [], f"ARCHITECTURE.md names files that do not exist: {missing}"


def test_every_domain_module_has_a_row_in_architecture() -> None:
    named = set(NAMED.findall(ARCHITECTURE.read_text()))
    missing = []
    for module in domain_modules():
        path = PACKAGE.parent / module.replace(".", "/")
        relative = str(path.relative_to(PACKAGE.parent))
        if path.is_dir():
            relative += "/__init__.py"
        else:
            relative += ".py"
        if relative not in named and module != "backskills":
            missing.append(relative)
    assert missing == [], f"add these to the rule table in ARCHITECTURE.md: {missing}"


SHARED_TOP_LEVEL = {
    "__init__.py",
    "__main__.py",
    "bounds.py",
    "clock.py",
    "errors.py",
    "interrupt.py",
    "plain.py",
    "plugins_off.py",
    "safetext.py",
    "settings.py",
}


def test_the_top_level_holds_only_the_layers_and_shared_modules() -> None:
    """Rules live in domain/, so ``src/backskills/`` shows the layers at a glance."""
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert folders == {"cli", "render", "domain", "store", "models"}
    assert modules == SHARED_TOP_LEVEL, "a new rule module belongs in backskills/domain/"


# Modules still allowed to import ``dataclasses`` (each ``@dataclass`` runs ``exec`` at import;
# ``@plain`` from backskills.plain does the same job without it). None are left: a module that
# imports it fails, and so would a name listed here that no longer does.
DATACLASSES_LEFT: set[str] = set()


def _imports_dataclasses(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import) and any(a.name == "dataclasses" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "dataclasses":
            return True
    return False


def test_result_types_use_plain_not_dataclasses() -> None:
    users = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if _imports_dataclasses(path)
    }
    assert users - DATACLASSES_LEFT == set(), "use @plain from backskills.plain"
    stale = DATACLASSES_LEFT - users
    assert stale == set(), f"remove from DATACLASSES_LEFT: {sorted(stale)}"


def test_domain_packages_load_none_of_their_modules() -> None:
    """A command imports the one module it needs; the package itself pulls in nothing."""
    packages = sorted(
        p.name for p in (PACKAGE / "domain").iterdir() if (p / "__init__.py").is_file()
    )
    assert "progression" in packages
    code = (
        "import importlib, sys\n"
        f"for name in {packages!r}:\n"
        "    importlib.import_module('backskills.domain.' + name)\n"
        f"inside = tuple('backskills.domain.' + n + '.' for n in {packages!r})\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules if m.startswith(inside))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"


def test_progress_review_loads_only_the_review_side_of_progression(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        f"try:\n    main(['--data-dir', {str(tmp_path)!r}, 'progress'])\n"
        "except SystemExit:\n    pass\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules "
        "if m.startswith('backskills.domain.progression.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = result.stdout.strip().splitlines()[-1].removeprefix("LOADED:").split(",")
    assert "backskills.domain.progression.review" in loaded
    assert "backskills.domain.progression.changes" not in loaded
    assert "backskills.domain.progression.planning" not in loaded
