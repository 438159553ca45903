"""Headless Chromium for the report tests: PDF, PNG and every network request it made.

The browser runs with networking off: in a new network namespace when ``unshare -n`` works
(root on a fresh CI machine), and always with background networking, component updates,
sync and QUIC off, a fresh empty profile, and Chrome's NetLog written to a file. The NetLog
lists every URL request; ``page_requests`` keeps those the page made (their network
isolation key names the page's own site), so the test can prove the report asked for
nothing at all.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
]


def chromium() -> str:
    """The browser, or a skip (a failure when BACKSKILLS_REQUIRE_BROWSER is set, as in CI)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("BACKSKILLS_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (CI installs it)")
    return found


def _no_network_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    done = subprocess.run([unshare, "-n", "true"], capture_output=True, check=False)
    return [unshare, "-n"] if done.returncode == 0 else []


@dataclass
class Run:
    output: Path
    requests: list[str] = field(default_factory=list)
    stderr: str = ""


def run(
    page: Path,
    *,
    pdf: Path | None = None,
    png: Path | None = None,
    width: int = 800,
    height: int = 1200,
) -> Run:
    """Open ``page`` (a file) and print it to ``pdf`` or take a ``png`` screenshot."""
    browser = chromium()
    assert (pdf is None) != (png is None)
    with tempfile.TemporaryDirectory(prefix="backskills-chromium-") as profile:
        netlog = Path(profile) / "netlog.json"
        args = [
            *_no_network_prefix(),
            browser,
            *FLAGS,
            f"--user-data-dir={profile}/profile",
            f"--log-net-log={netlog}",
            "--net-log-capture-mode=Default",
        ]
        if pdf is not None:
            args += [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"]
            target = pdf
        else:
            args += [f"--screenshot={png}", f"--window-size={width},{height}"]
            assert png is not None
            target = png
        done = subprocess.run(
            [*args, page.resolve().as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        assert target.exists(), done.stderr[-2000:]
        return Run(target, page_requests(netlog), done.stderr)


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for (not the browser's own background requests)."""
    try:
        log = json.loads(netlog.read_text())
    except json.JSONDecodeError:  # a log cut short at exit still ends in a complete event
        text = netlog.read_text().rstrip().rstrip(",")
        log = json.loads(text + "]}")
    kinds = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    found = []
    for event in log["events"]:
        params = event.get("params") or {}
        if kinds.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if "file://" in str(params.get("network_isolation_key", "")):
            found.append(params["url"])
    return found


def pdf_pages(pdf: Path) -> int:
    """The page count, from pdfinfo (poppler-utils) when present, else the page tree."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        done = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
        match = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
        assert match, done.stdout
        return int(match.group(1))
    counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf.read_bytes())
    assert counts, "no page tree found"
    return max(int(c) for c in counts)


def page_size(pdf: Path) -> tuple[float, float]:
    match = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf.read_bytes())
    assert match, "no MediaBox"
    return float(match.group(1)), float(match.group(2))
