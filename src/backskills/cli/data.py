"""``backskills data``: where the journal lives, and keeping it safe."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from backskills.cli._common import ForceOption, JsonOption, OutputOption, store

app = typer.Typer(
    add_completion=False,
    help="Your journal file: where it is, check it, back it up, restore, export and import.",
    no_args_is_help=True,
)


@app.command("path")
def path_command(json: JsonOption = False) -> None:
    """Print where your journal lives.

    Example: backskills data path
    """
    from backskills import render

    journal_path = store().journal_path
    if json:
        render.emit_json({"path": str(journal_path), "exists": journal_path.exists()})
    else:
        render.say(str(journal_path), wrap=False)


@app.command("check")
def check_command(json: JsonOption = False) -> None:
    """Check that your journal can be read, and list what it holds and its backups.

    Every monthly segment file is read and checked. Exits 3 if the journal or a segment
    file cannot be read, or if two entries have the same id (files are left exactly as
    they are).

    Example: backskills data check
    """
    from backskills import render
    from backskills.domain.export import counts

    the_store = store()
    loaded = the_store.check()
    backups = the_store.backups()
    damaged = the_store.backup_problems()
    summary = {
        "path": str(the_store.journal_path),
        "exists": the_store.exists(),
        "readable": True,
        "schema_version": loaded.journal.schema_version,
        "file_schema_version": loaded.version,
        "counts": counts(loaded.journal),
        "segments": loaded.segments,
        "damaged_copies": loaded.bad_copies,
        "id_problems": loaded.id_problems,
        "backups": [
            {
                "name": b.name,
                "taken": b.taken.isoformat(timespec="seconds"),
                "sequence": b.sequence,
                "good": b.name not in damaged,
            }
            for b in backups
        ],
    }
    if json:
        render.emit_json(summary)
        _ids_clash(loaded.id_problems)
        return
    if not the_store.exists():
        render.say(
            f"No journal yet at {the_store.journal_path}. It is created the first time you record something.",
            wrap=False,
        )
    else:
        render.say(("Your journal is readable: ", "bold"), str(the_store.journal_path), wrap=False)
        if loaded.segments:
            render.say(
                f"Its dated entries are in {loaded.segments} monthly file(s) in "
                f"{the_store.segments_dir}; every one was checked.",
                wrap=False,
            )
        if loaded.bad_copies:
            render.say(
                f"{len(loaded.bad_copies)} second copy(ies) in {the_store.copies_dir} "
                "are missing or damaged: " + ", ".join(loaded.bad_copies),
                wrap=False,
            )
            render.say(
                "Your journal's own files are fine. Run 'backskills data backup' to write "
                "the second copies again."
            )
        if loaded.version < loaded.journal.schema_version:
            render.say(
                f"It is in an older format ({loaded.version}); it will be updated on the next change, with a backup kept."
            )
    rows = [(name.replace("_", " "), n) for name, n in counts(loaded.journal).items() if n]
    if rows:
        render.table(["holds", "count"], rows)
    if backups:
        render.say(
            f"{len(backups)} backup(s) in {the_store.backups_dir}, newest first:", wrap=False
        )
        for backup in backups:
            problem = damaged.get(backup.name)
            render.say(
                f"- {backup.name}  ({backup.taken.astimezone():%Y-%m-%d %H:%M} your time)"
                + (f"  DAMAGED: it {problem}" if problem else ""),
                wrap=False,
            )
        render.say(
            "Go back to one with: backskills data restore NAME. With no NAME it goes back to "
            "the newest, passing over those ending -prerestore (journals a restore replaced)."
        )
    elif the_store.exists():
        render.say("No backups yet: one is kept each time a change replaces the journal.")
    _ids_clash(loaded.id_problems)


def _ids_clash(problems: list[str]) -> None:
    """Entry ids that clash (files edited by hand): exit 3 once everything is shown."""
    if problems:
        from backskills.errors import JournalUnreadable

        raise JournalUnreadable(
            "the journal can be read, but its entry ids clash: " + "; ".join(problems) + ".",
            hint="Nothing was changed. This comes from editing the journal's files by hand: "
            "put the file back as it was, or go back to a backup from before the edit with "
            "'backskills data restore NAME'.",
        )


@app.command("backup")
def backup_command(json: JsonOption = False) -> None:
    """Make a backup of your journal now.

    Example: backskills data backup
    """
    from backskills import render

    path = store().backup_now()
    if json:
        render.emit_json({"backup": str(path)})
    else:
        render.say(f"Backup saved: {path}", wrap=False)


@app.command("restore")
def restore_command(
    backup: Annotated[
        str | None,
        typer.Argument(help="Backup file name (see 'data check'); default: the newest good one."),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Go back to a backup. Your current journal file is kept in set-aside/ first.

    This works even when the journal cannot be read. With no BACKUP, damaged or missing
    segment files are put back from their copies first, when that is all that is wrong.

    Example: backskills data restore
    """
    from backskills import render

    done = store().restore(backup)
    chosen, aside = done.backup, done.set_aside
    if json:
        render.emit_json(
            {
                "restored": chosen.name if chosen else None,
                "set_aside": str(aside) if aside else None,
                "repaired": done.repaired,
                "older_months": done.older,
                "newer_months": done.newer,
                "lost_months": done.lost,
                "undoable": done.undoable,
                "unchanged": done.unchanged,
            }
        )
        return
    if done.repaired:
        render.say(
            f"Put back {len(done.repaired)} damaged or missing segment file(s) from their "
            "copies in backups/segments/: " + ", ".join(done.repaired)
        )
        return
    if done.unchanged and chosen is not None:
        render.say(
            f"Nothing changed: the backup {chosen.name} holds just what your journal holds now.",
            wrap=False,
        )
        return
    if chosen is None:
        render.say("Put your journal together again from its intact monthly files.")
    else:
        render.say(
            f"Restored the backup from {chosen.taken.astimezone():%Y-%m-%d %H:%M:%S} "
            f"({chosen.name})."
        )
    for month, backup in done.older.items():
        render.say(
            f"{month}: no good copy of this month was left, so it was taken from the older "
            f"backup {backup}. Entries added to {month} after that backup may be missing.",
            wrap=False,
        )
    for month, backup in done.newer.items():
        render.say(
            f"{month}: no good copy of this month was left in that backup or any older one, "
            f"so it was taken from the newer backup {backup}. It may hold entries added to "
            f"{month} after the backup you restored.",
            wrap=False,
        )
    for month in done.lost:
        render.say(
            f"{month}: no good copy of this month was found anywhere, so its entries could "
            "not be recovered. Every other month was kept.",
            wrap=False,
        )
    if aside:
        render.say(f"The journal it replaced is kept at {aside}.", wrap=False)
    if done.undoable:
        render.say("Changed your mind? 'backskills undo' takes this restore back.")
    elif aside:
        render.say(
            "The journal it replaced could not be read, so 'backskills undo' cannot take "
            "this restore back."
        )


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json (everything) or csv (dated records).")
    ] = "json",
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Export your journal: JSON (a full copy you can import) or CSV (for a spreadsheet).

    Example: backskills data export --format csv -o my-back.csv
    """
    from backskills import render
    from backskills.domain.export import csv_text
    from backskills.errors import InvalidInput
    from backskills.store import serialise

    if fmt not in ("json", "csv"):
        raise InvalidInput("--format", f"'{fmt}' is not a format; use json or csv.")
    the_store = store()
    journal = the_store.load()
    data = serialise(journal) if fmt == "json" else csv_text(journal).encode("utf-8")
    if output is None:
        if fmt == "json":
            render.emit_json_text(data.decode("utf-8"))
        else:
            render.emit_text(data.decode("utf-8"))
        return
    the_store.write_export(output, data, overwrite=force)
    render.info(f"Exported to {output} (only you can read it).")


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A JSON export made with 'backskills data export'.")],
    json: JsonOption = False,
) -> None:
    """Replace your journal with a JSON export. The current journal is backed up first.

    Anything that is not a valid backskills journal is refused and nothing changes.

    Example: backskills data import my-back.json
    """
    from backskills import render
    from backskills.domain.export import counts

    the_store = store()
    journal = the_store.read_import(file)
    kept = the_store.replace_with(journal)
    if json:
        render.emit_json(
            {
                "imported": str(file),
                "previous_kept_at": str(kept) if kept else None,
                "counts": counts(journal),
            }
        )
        return
    render.say(f"Imported {file}.", wrap=False)
    if kept:
        render.say(f"Your previous journal is kept at {kept}.", wrap=False)
