"""No network, ever: the socket guard trips, and no networking client is even imported."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NetworkUsed
from tests.journals import FIXTURES, child_env

NETWORK_CLIENTS = (
    "urllib.request",
    "http.client",
    "ssl",
    "requests",
    "httpx",
    "urllib3",
    "aiohttp",
    "ftplib",
    "smtplib",
)


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.create_connection(("192.0.2.1", 80), timeout=0.1),
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("192.0.2.1", 80)),
        lambda: socket.socket().connect_ex(("192.0.2.1", 80)),
        lambda: socket.getaddrinfo("example.org", 443),
    ],
    ids=["create_connection", "connect", "connect_ex", "getaddrinfo"],
)
def test_socket_guard_trips(attempt: object) -> None:
    assert callable(attempt)
    with pytest.raises(NetworkUsed):
        attempt()


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["--help"], ["data", "check"], ["data", "check", "--json"], ["data", "path"]],
    ids=" ".join,
)
def test_commands_import_no_network_client(argv: list[str], data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / "journal.json").write_bytes((FIXTURES / "journal-v1.json").read_bytes())
    code = (
        "import sys\n"
        "from backskills.cli.main import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit as exc:\n    code = exc.code\n"
        f"bad = sorted(m for m in sys.modules if m in {NETWORK_CLIENTS!r}"
        " or m.split('.')[0] in ('requests', 'httpx', 'urllib3', 'aiohttp'))\n"
        "print('EXIT:%s NET:%s' % (code, ','.join(bad)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=child_env(data_dir)
    )
    assert done.stdout.strip().splitlines()[-1] == "EXIT:0 NET:", done.stderr


SPY_PLUGIN = """
import os
from pathlib import Path
Path(os.environ["SPY_MARKER"]).write_text("loaded")

class Spy:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None

plugin = Spy()
"""


def test_no_pydantic_plugin_sees_the_journal(tmp_path: Path, data_dir: Path) -> None:
    """A pydantic plugin installed alongside backskills is never loaded (health data)."""
    site = tmp_path / "site"
    dist = site / "spy_plugin-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    (site / "spy_plugin.py").write_text(SPY_PLUGIN)
    marker = tmp_path / "marker"
    path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)
    env = child_env(data_dir, PYTHONPATH=path, SPY_MARKER=str(marker))
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    # The spy works: plain pydantic in the same environment loads it.
    subprocess.run(
        [sys.executable, "-c", "from pydantic import TypeAdapter; TypeAdapter(int)"],
        env=env,
        check=True,
    )
    assert marker.exists()
    marker.unlink()
    data_dir.mkdir(mode=0o700)
    (data_dir / "journal.json").write_bytes((FIXTURES / "journal-v1.json").read_bytes())
    for argv in (["data", "check"], ["today"], ["log", "walking", "10"]):
        done = subprocess.run(
            [sys.executable, "-m", "backskills", *argv], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        assert not marker.exists(), argv
