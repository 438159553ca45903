"""pydantic's plugins are off, and its plugin finder is not loaded unless it must be."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(code: str, tmp_path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    return done.stdout.strip().splitlines()[-1]


def test_a_command_never_imports_the_plugin_finder(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        f"try:\n    main(['--data-dir', {str(tmp_path)!r}, 'log', 'walking', '5'])\n"
        "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "import os\n"
        "loader = type(sys.modules['pydantic.plugin._loader']).__name__\n"
        "print(loader, 'importlib.metadata' in sys.modules, os.environ['PYDANTIC_DISABLE_PLUGINS'])\n"
    )
    assert run(code, tmp_path) == "_StandIn False __all__"
    assert (tmp_path / "journal.json").exists()


def test_plugins_turned_back_on_reach_the_real_finder(tmp_path: Path) -> None:
    code = (
        "import os, sys\n"
        "from backskills import plugins_off\n"
        "plugins_off.install()\n"
        "import pydantic\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = ''\n"
        "stand_in = sys.modules[plugins_off.LOADER]\n"
        "found = list(stand_in.get_plugins())\n"
        "real = sys.modules[plugins_off.LOADER]\n"
        "print(found == list(real.get_plugins()), type(real).__name__, real._plugins is not None)\n"
    )
    assert run(code, tmp_path) == "True module True"


def test_an_unknown_pydantic_gets_the_real_finder(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from backskills import plugins_off\n"
        "plugins_off.install()\n"
        "import pydantic.version\n"
        "pydantic.version.VERSION = '3.0.0'\n"
        "stand_in = sys.modules['pydantic.plugin._loader']\n"
        "print(list(stand_in.get_plugins()), type(sys.modules[plugins_off.LOADER]).__name__)\n"
    )
    assert run(code, tmp_path) == "[] module"


def test_any_other_name_comes_from_the_real_finder(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from backskills import plugins_off\n"
        "plugins_off.install()\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "print(PYDANTIC_ENTRY_POINT_GROUP, type(sys.modules[plugins_off.LOADER]).__name__)\n"
    )
    assert run(code, tmp_path) == "pydantic module"
