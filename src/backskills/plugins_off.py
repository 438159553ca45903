"""Turn pydantic's plugins off, and skip loading its plugin finder at all.

Private: a third-party pydantic plugin installed in the same environment would be
loaded and shown every value validated, and the journal holds health data. So
``PYDANTIC_DISABLE_PLUGINS=__all__`` is set before the first model is built (pydantic
reads it then). With that set, pydantic's loader (``pydantic.plugin._loader``) always
answers "no plugins", but importing it still costs ``importlib.metadata`` (about 15 ms
of every start-up).

``install()`` puts a stand-in for that module in ``sys.modules`` before pydantic looks
for it. The stand-in answers "no plugins" only while plugins are off and the running
pydantic is a 2.x release whose loader we know (``get_plugins`` is the one name pydantic
takes from it). In every other case (another pydantic, plugins turned back on, any other
name asked for) it removes itself and hands over to the real loader, which then behaves
exactly as it would have without us. No pydantic module is imported here.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from typing import Any

LOADER = "pydantic.plugin._loader"
DISABLED = ("__all__", "1", "true")
KNOWN_MAJOR = "2"


def install() -> None:
    """Turn plugins off; add the stand-in unless pydantic's loader is already loaded."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    if LOADER not in sys.modules:
        sys.modules[LOADER] = _StandIn(LOADER)


def _real() -> types.ModuleType:
    if isinstance(sys.modules.get(LOADER), _StandIn):
        del sys.modules[LOADER]
    return importlib.import_module(LOADER)


def _known_pydantic() -> bool:
    version = getattr(sys.modules.get("pydantic.version"), "VERSION", "")
    return isinstance(version, str) and version.split(".")[0] == KNOWN_MAJOR


class _StandIn(types.ModuleType):
    """Answers ``get_plugins()`` like the real loader does while plugins are off."""

    def get_plugins(self) -> Iterable[Any]:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in DISABLED and _known_pydantic():
            return ()
        real_get_plugins: Any = _real().get_plugins
        result: Iterable[Any] = real_get_plugins()
        return result

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        return getattr(_real(), name)
