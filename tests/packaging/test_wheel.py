"""The wheel carries the leaflets, and a user outside the repository can read them."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")  # no need to fetch the build backend
    done = subprocess.run([*command, str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("backskills-*.whl")
    return built


def test_wheel_holds_every_content_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("topics", "exercises"):
        expected = {
            f"backskills/content/{folder}/{p.name}"
            for p in (ROOT / "content" / folder).glob("*.md")
        }
        assert expected, f"no {folder} in the repository"
        assert expected <= names
    assert "backskills/domain/catalogue.py" in names
    assert not any(n.startswith("content/") for n in names), "content must sit inside the package"


@pytest.mark.slow
def test_installed_wheel_reads_its_own_leaflets_outside_the_repo(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(target),
        "BACKSKILLS_DATA_DIR": str(tmp_path / "data"),
        "COLUMNS": "100",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args], cwd=elsewhere, env=env, capture_output=True, text=True
        )

    where = run(
        "-c",
        "import backskills, backskills.domain.catalogue as c; print(backskills.__file__); "
        "print(c.content_root())",
    )
    assert where.returncode == 0, where.stderr
    package_file, content_root = where.stdout.split()
    assert Path(package_file).is_relative_to(target), "the installed copy must be the one used"
    assert Path(content_root) == target / "backskills" / "content"

    pain = run("-m", "backskills", "learn", "pain")
    assert pain.returncode == 0, pain.stderr
    assert "How pain works" in pain.stdout and "Hurt does not mean harm" in pain.stdout

    listing = run("-m", "backskills", "learn", "--json")
    assert len(json.loads(listing.stdout)) == len(list((ROOT / "content" / "topics").glob("*.md")))

    bridge = run("-m", "backskills", "exercises", "show", "bridge", "--json")
    assert bridge.returncode == 0, bridge.stderr
    assert json.loads(bridge.stdout)["unit"] == "reps"

    script = target / "bin" / "backskills"
    if script.exists():  # the console script pip wrote
        result = subprocess.run(
            [str(script), "learn", "redflags"], cwd=elsewhere, env=env, capture_output=True,
            text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "999" in result.stdout
