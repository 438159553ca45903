"""The built wheel ships the leaflets and runs from a fresh virtual environment."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.journals import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("backskills-*.whl")
    return built


def test_wheel_ships_code_and_every_leaflet(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "backskills/__main__.py" in names
    assert "backskills/store/atomic.py" in names
    for source in (REPO / "content").rglob("*.md"):
        assert f"backskills/content/{source.relative_to(REPO / 'content')}" in names
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert (
        "backskills = backskills.cli.main:main"
        in zipfile.ZipFile(wheel).read(entry_points).decode()
    )


def test_fresh_venv_runs_the_installed_wheel_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    # Dependencies come from this test environment (no download): a .pth file lists its
    # site-packages. A plain path entry does not run the editable-install hook there, so
    # the only backskills the new venv can import is the wheel's.
    venv_site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (venv_site / "deps-from-tests.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["BACKSKILLS_DATA_DIR"] = str(tmp_path / "data")
    backskills = venv / "bin" / "backskills"

    def run(*args: str) -> str:
        done = subprocess.run(
            [*args], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert run(str(backskills), "--version").startswith("backskills ")
    assert run(str(backskills), "data", "path") == str(tmp_path / "data" / "journal.json")
    where = run(
        str(python),
        "-c",
        "import backskills, importlib.resources as r; print(backskills.__file__);"
        "print(r.files('backskills').joinpath('content/topics/pacing.md').is_file())",
    ).splitlines()
    assert where[0].startswith(str(venv)), "ran the repository's code, not the wheel's"
    assert where[1] == "True"
