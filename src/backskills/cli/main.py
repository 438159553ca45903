"""The root command and the one error boundary.

``main()`` is the console-script entry point. ``RootGroup.main`` turns every exception
into one line on stderr and an exit code (see ``backskills.errors``):
usage errors from the parser are 2, ``BackskillsError`` carries its own code, anything
unexpected is 4 with no traceback (set ``BACKSKILLS_DEBUG=1`` to see one).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from backskills import __version__, plugins_off
from backskills.cli._common import AppState, InputEnded, flush_warnings, set_state
from backskills.cli.registry import COMMANDS
from backskills.errors import EXIT_INTERNAL, EXIT_USAGE, BackskillsError

# Private and quicker: no third-party pydantic plugin sees the journal, and pydantic's
# plugin finder is not even imported (backskills.plugins_off says how, and when not).
# Done before the first model or option is validated (pydantic reads it then).
plugins_off.install()


class RootGroup(TyperGroup):
    """Loads command modules on demand and owns the error boundary."""

    _listing_help = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, short_help = entry
        if self._listing_help:
            # --help lists commands without importing them.
            return TyperCommand(name=cmd_name, help=short_help, short_help=short_help)
        module = importlib.import_module(f"backskills.cli.{module_name}")
        command = typer.main.get_command(module.app)
        command.name = cmd_name
        _plain_metavars(command)
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Noted before parsing: help is shown whatever the BACKSKILLS_* settings say.
        ctx.meta[ASKS_FOR_HELP] = asks_for_help(args)
        return super().parse_args(ctx, args)

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        width = _narrow_help()
        if width:
            # Click would never wrap plain help narrower than 50 columns.
            extra.setdefault("terminal_width", width)
        return super().make_context(info_name, args, parent, **extra)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _plain_metavars(self)
        self._listing_help = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing_help = False

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        code = run_with_boundary(lambda: super(RootGroup, self).main(*args, **kwargs))
        if standalone:
            sys.exit(code)
        return code


ASKS_FOR_HELP = "backskills.asks_for_help"
HELP_OPTIONS = ("-h", "--help")


def asks_for_help(args: list[str]) -> bool:
    """Whether a help option comes before ``--`` (after it, every word is a value)."""
    words = args[: args.index("--")] if "--" in args else args
    return any(word in HELP_OPTIONS for word in words)


def _plain_metavars(command: Any) -> None:
    """Help in plain words: ``--json`` (not ``--json <bool>``), ``ACTIVITY``, ``--date DATE``.

    Typer 0.29 shows each parameter's Python type (``<str>``, ``<bool>``) and writes a
    required argument as ``{ACTIVITY}`` in the usage line; a patient needs the name of
    what to type, so every parameter (and the --help option) is given a plain name.
    """
    for param in getattr(command, "params", []):
        _plain_param(param)
    if _narrow_help():
        # Typer's boxed tables cut option names ("--data-d…") on a narrow screen; the
        # plain layout writes each option whole, with its help beside or below it.
        command.rich_markup_mode = None
        command.context_class = _narrow_context(command.context_class)
    elif not _help_on_terminal():
        # Help read by a pager, a file or a program: the same words in plain layout,
        # without loading Rich and its Markdown parser (about half of --help's time).
        command.rich_markup_mode = None
    if not getattr(command, "_plain_help_option", False):
        original = command.get_help_option

        def get_help_option(ctx: Any) -> Any:
            option = original(ctx)
            if option is not None:
                _plain_param(option)
            return option

        command.get_help_option = get_help_option
        command._plain_help_option = True
    for sub in getattr(command, "commands", {}).values():
        _plain_metavars(sub)


NARROW_HELP = 60  # columns: below this, help uses the plain layout


def _help_on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # no stdout, or a closed one
        return False


def _narrow_help() -> int:
    """The screen width when it is too narrow for Typer's tables, else 0."""
    from backskills.render.streams import terminal_columns

    columns = terminal_columns()
    return max(columns - 1, 20) if columns < NARROW_HELP else 0


def _narrow_context(base: Any) -> Any:
    """A context whose help formatter keeps the name column to a third of the width."""
    if getattr(base, "_narrow", False):
        return base
    formatter: Any = base.formatter_class

    class NarrowFormatter(formatter):  # type: ignore[misc]
        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            super().write_dl(rows, min(col_max, max(self.width // 3, 8)), col_spacing)

    class NarrowContext(base):  # type: ignore[misc]
        _narrow = True
        formatter_class = NarrowFormatter

    return NarrowContext


def _plain_param(param: Any) -> None:
    if param.param_type_name == "argument":
        if param.metavar is None and param.name:
            param.metavar = param.name.upper()
        # No type column, and ACTIVITY / [ACTIVITY] / NAME... in the usage line.
        param.display_type_rich = _no_type
        param._usage_display_name = _usage_name(param)
        return
    if param.metavar is not None:
        return
    if getattr(param, "is_flag", False):
        param.metavar = ""
    elif param.name:
        opts = " ".join(getattr(param, "opts", []))
        if any(word in opts for word in ("--by", "--date", "--from", "--until")):
            param.metavar = "DATE"
        elif "--data-dir" in opts:
            param.metavar = "FOLDER"
        elif "--within" in opts:
            param.metavar = "DURATION"
        else:
            param.metavar = param.name.upper()


def _no_type(ctx: Any = None) -> None:
    return None


def _usage_name(param: Any) -> Any:
    name = param.metavar + ("..." if param.nargs != 1 else "")
    text = name if param.required else f"[{name}]"
    return lambda: text


def run_with_boundary(invoke: Any) -> int:
    """Run a command: every stream guarded, every error one line and an exit code.

    Ctrl-C is caught here too, at any moment (even while an error is being shown): a
    newline and "Stopped. Nothing was changed." (or what was kept), exit 130.
    """
    from backskills import interrupt
    from backskills.render.streams import guarded_output, quiet_after_broken_pipe

    try:
        interrupt.running()
        try:
            with guarded_output(), _end_of_input_is_reported():
                try:
                    code = _run(invoke)
                    sys.stdout.flush()  # a reader that went away (| head -1) shows up here
                except BrokenPipeError:
                    return quiet_after_broken_pipe()
                return code
        finally:
            interrupt.finishing()
    except KeyboardInterrupt:
        interrupt.finishing()
        interrupt.write_stop_message(newline=True)
        return interrupt.EXIT_STOPPED


@contextlib.contextmanager
def _end_of_input_is_reported() -> Any:
    """Make the end of input at a question ``InputEnded`` (exit 2), not an abort (130).

    Typer's prompts read through one function; Ctrl-C still stops with 130.
    """
    try:
        from typer._click import termui
    except ImportError:  # pragma: no cover - a Typer without the bundled Click
        yield
        return
    original = termui.visible_prompt_func

    def read(prompt: str) -> str:
        if sys.stdin is None or sys.stdin.closed:
            raise InputEnded
        try:
            return original(prompt)
        except EOFError:
            raise InputEnded from None

    termui.visible_prompt_func = read
    try:
        yield
    finally:
        termui.visible_prompt_func = original


def _run(invoke: Any) -> int:
    from backskills import interrupt, render
    from backskills.render.streams import quiet_after_broken_pipe

    try:
        result = invoke()
        if result == interrupt.EXIT_STOPPED:
            # Typer turns a KeyboardInterrupt inside a command into a silent Exit(130).
            interrupt.finishing()
            interrupt.write_stop_message(newline=True)
            return interrupt.EXIT_STOPPED
        flush_warnings_safely()
        return result if isinstance(result, int) and not isinstance(result, bool) else 0
    except BackskillsError as exc:
        flush_warnings_safely()
        render.error(exc.message, exc.hint)
        return exc.exit_code
    except (typer.Exit, SystemExit) as exc:
        if isinstance(exc.__context__, BrokenPipeError):
            # Rich ends with exit 1 when the reader goes away; we end quietly.
            return quiet_after_broken_pipe()
        raise
    except typer.Abort as exc:
        # Click turns Ctrl-C (and end of input at a prompt) into Abort; after Ctrl-C it has
        # already moved to a new line.
        interrupt.finishing()
        already = isinstance(exc.__cause__, (KeyboardInterrupt, EOFError))
        interrupt.write_stop_message(newline=not already)
        return interrupt.EXIT_STOPPED
    except typer.TyperException as exc:  # Click's usage errors (exit 2)
        hint = None
        ctx = getattr(exc, "ctx", None)
        if ctx is not None and type(exc).__name__ == "NoArgsIsHelpError":
            # A command group run on its own: show what it can do.
            typer.echo(ctx.get_help())
            return 0
        if ctx is not None:
            hint = f"See '{ctx.command_path} --help'."
        render.error(exc.format_message(), hint)
        return exc.exit_code
    except KeyboardInterrupt:
        interrupt.finishing()
        interrupt.write_stop_message(newline=True)
        return interrupt.EXIT_STOPPED
    except BrokenPipeError:
        return quiet_after_broken_pipe()
    except InputEnded:  # a question no command-specific option answers
        render.error(
            "no answer came: the input ended before the questions were answered. "
            "Nothing was saved.",
            "Give the answers as options (see --help), or add --no-input.",
        )
        return EXIT_USAGE
    except Exception:
        if os.environ.get("BACKSKILLS_DEBUG"):
            raise
        render.error(
            "something went wrong inside backskills (a bug, not something you did).",
            "Your journal is saved whole or not at all; 'backskills data check' shows it. "
            "Please report this. Set BACKSKILLS_DEBUG=1 to see the details.",
        )
        return EXIT_INTERNAL


def flush_warnings_safely() -> None:
    with contextlib.suppress(RuntimeError):  # the parser failed before the callback ran
        flush_warnings()


app = typer.Typer(
    cls=RootGroup,
    name="backskills",
    help=(
        "backskills: your back class companion. Set goals, find your baseline, build up "
        "slowly, pace your day, plan for flare-ups and check the warning signs.\n\n"
        "Example: backskills baseline log walking 10 --felt ok"
    ),
    epilog=(
        "Not a substitute for medical advice. New numbness between the legs or around the "
        "bottom, or new trouble passing urine or controlling your bowels: call 999 or go to "
        "A&E now. Not sure: NHS 111. 'backskills redflags' checks the warning signs."
    ),
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": list(HELP_OPTIONS)},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"backskills {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="BACKSKILLS_DATA_DIR",
            help="Folder that holds your journal (default: your user data folder).",
            show_envvar=True,
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; a missing value is an error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    from backskills import settings

    if not ctx.meta.get(ASKS_FOR_HELP):
        # A bad BACKSKILLS_* value is named (exit 2), whatever the command; help is still
        # shown (it reads no setting), and the value is refused when a command runs.
        settings.check_all()
    ctx.obj = set_state(AppState(data_dir=data_dir, no_input=no_input))
    if ctx.invoked_subcommand is None:
        if "today" in COMMANDS:
            today = ctx.command.get_command(ctx, "today")  # type: ignore[attr-defined]
            if today is not None and today.callback is not None:
                ctx.invoke(today.callback)
                return
        typer.echo(ctx.get_help())


def main(argv: list[str] | None = None) -> None:
    # One command is one short process. Reference counting frees memory as usual; only
    # reference cycles wait until exit. The cyclic collector would otherwise walk every
    # imported module and every journal record again and again (tens of ms a run).
    gc.disable()
    command = typer.main.get_command(app)
    command.main(args=argv, prog_name="backskills")


if __name__ == "__main__":  # pragma: no cover
    main()
