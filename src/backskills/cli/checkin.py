"""``backskills checkin``: the week-1 and week-6 check-in, and what changed since."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from backskills.cli._common import (
    DateOption,
    JsonOption,
    NoInputOption,
    NoteOption,
    answering,
    interactive,
    store,
    today,
    wrapped,
)

if TYPE_CHECKING:
    from backskills.domain.checkins import Answers
    from backskills.models import Journal

T = TypeVar("T")

app = typer.Typer(invoke_without_command=True, no_args_is_help=False, add_completion=False)


@app.callback(invoke_without_command=True)
def checkin(
    ctx: typer.Context,
    pain_average: Annotated[
        str | None,
        typer.Option(
            "--pain-average", metavar="N", help="Your average pain over the last 7 days, 0-10."
        ),
    ] = None,
    pain_worst: Annotated[
        str | None,
        typer.Option(
            "--pain-worst", metavar="N", help="Your worst pain over the last 7 days, 0-10."
        ),
    ] = None,
    psfs: Annotated[
        list[str] | None,
        typer.Option(
            "--psfs",
            metavar='"ACTIVITY=SCORE"',
            help="Rate an activity you find hard because of your back: 0 (cannot do it) to "
            "10 (as well as before). At the first check-in name 3 to 5; later rate the same "
            "ones. Repeat the option for each.",
        ),
    ] = None,
    psfs_new: Annotated[
        list[str] | None,
        typer.Option(
            "--psfs-new",
            metavar='"ACTIVITY=SCORE"',
            help="Add a new activity to your list (up to 5 at a time), with its score.",
        ),
    ] = None,
    psfs_retire: Annotated[
        list[str] | None,
        typer.Option(
            "--psfs-retire",
            metavar="ACTIVITY",
            help="Stop rating an activity from now on; its past scores are kept.",
        ),
    ] = None,
    test: Annotated[
        list[str] | None,
        typer.Option(
            "--test",
            metavar='"NAME=RESULT"',
            help="A test result: one of your tests, or a well-known one ('backskills checkin "
            "tests' lists them). Up to 3 tests; repeat the option for each.",
        ),
    ] = None,
    not_done: Annotated[
        list[str] | None,
        typer.Option(
            "--not-done",
            metavar='"NAME=REASON"',
            help="A test you did not do today, and why.",
        ),
    ] = None,
    test_new: Annotated[
        list[str] | None,
        typer.Option(
            "--test-new",
            metavar='"NAME=UNIT,higher|lower"',
            help="Define your own test: its unit and whether a higher or lower result is "
            "better. Give its result with --test.",
        ),
    ] = None,
    test_retire: Annotated[
        list[str] | None,
        typer.Option(
            "--test-retire", metavar="NAME", help="Stop doing a test; its past results are kept."
        ),
    ] = None,
    change: Annotated[
        str | None,
        typer.Option(
            "--change",
            metavar="ANSWER",
            help="From the second check-in on, your back compared with your first check-in: "
            "much-better, better, a-little-better, same, a-little-worse, worse or much-worse.",
        ),
    ] = None,
    class_start: Annotated[
        str | None,
        typer.Option(
            "--class-start",
            metavar="DATE",
            help="The day your back class starts (or started): check-ins are timed from it. "
            "On its own, it only sets the date.",
        ),
    ] = None,
    date: DateOption = None,
    note: NoteOption = None,
    no_input: NoInputOption = False,
    json: JsonOption = False,
) -> None:
    """Check in: pain, the activities you find hard (PSFS) and your exercise tests.

    The first check-in is due in your first week (or from --class-start), the next 5 weeks later (week 6 of a weekly class), then every 4 weeks.

    On a terminal it asks one question at a time; otherwise give every answer as an option.

    Example: backskills checkin --pain-average 5 --pain-worst 7 --psfs "Putting on socks=3" --psfs "Lifting shopping=2" --psfs "Walking the dog=4" --test "sit-to-stand-1min=11"
    """
    if ctx.invoked_subcommand is not None:
        return
    from backskills import render
    from backskills.domain import checkins, validate
    from backskills.domain.checkins import Answers
    from backskills.errors import InvalidInput
    from backskills.render import checkin as show

    now = today()
    answers = Answers(day=validate.day(date, now))
    if pain_average is not None:
        answers.pain_average = validate.pain_score(pain_average, "--pain-average")
    if pain_worst is not None:
        answers.pain_worst = validate.pain_score(pain_worst, "--pain-worst")
    for raw in psfs or []:
        name, value = checkins.split_pair(raw, "--psfs", "SCORE")
        answers.psfs.append((name, checkins.psfs_score(value, "--psfs", name)))
    for raw in psfs_new or []:
        name, value = checkins.split_pair(raw, "--psfs-new", "SCORE")
        answers.psfs_new.append((name, checkins.psfs_score(value, "--psfs-new", name)))
    answers.psfs_retire = [validate.name(n, "--psfs-retire") for n in psfs_retire or []]
    answers.tests_new = [checkins.test_definition(raw) for raw in test_new or []]
    for raw in test or []:
        name, value = checkins.split_pair(raw, "--test", "RESULT")
        answers.tests.append((name, validate.amount(value, f"--test: '{name}'")))
    for raw in not_done or []:
        name, reason = checkins.split_pair(raw, "--not-done", "REASON")
        why = validate.note(reason, "--not-done")
        if why is None:
            raise InvalidInput("--not-done", f"say briefly why '{name}' was not done today.")
        answers.not_done.append((name, why))
    answers.tests_retire = [validate.name(n, "--test-retire") for n in test_retire or []]
    if change is not None:
        answers.change = checkins.change_choice(change)
    answers.note = validate.note(note)
    start = validate.day(class_start, now, "--class-start", future=True) if class_start else None

    given = any(
        (
            pain_average,
            pain_worst,
            psfs,
            psfs_new,
            psfs_retire,
            test,
            not_done,
            test_new,
            test_retire,
            change,
            note,
            date,
        )
    )
    if start is not None and not given:
        with store().transaction() as journal:
            checkins.set_class_start(journal, start)
            plan = checkins.schedule(journal, now)
        if json:
            render.emit_json({"class_start": start.isoformat(), "schedule": plan.to_json()})
        else:
            show.class_start_set(start, plan)
        return

    journal = store().load()
    if start is not None:
        checkins.set_class_start(journal, start)
    if interactive(no_input):
        _wizard(journal, answers)
    else:
        missing = checkins.missing_answers(journal, answers)
        if missing:
            ideas = checkins.suggestions(journal)
            raise InvalidInput(
                missing[0],
                "is needed when backskills cannot ask (no terminal). Still to give: "
                + "; ".join(missing)
                + ".",
                (
                    "Ideas for the PSFS from your goals and activities: " + ", ".join(ideas) + "."
                    if ideas and any(m.startswith("--psfs") for m in missing)
                    else None
                ),
            )
    with store().transaction() as journal:
        if start is not None:
            checkins.set_class_start(journal, start)
        check = checkins.record(journal, answers)
        saved = checkins.detail(journal, check)
        comparison = checkins.compare(journal)  # None at a first check-in
        plan = checkins.schedule(journal, now)
    if json:
        render.emit_json(
            {
                "checkin": saved,
                "comparison": comparison.to_json() if comparison else None,
                "schedule": plan.to_json(),
            }
        )
        return
    show.saved(saved, comparison, plan)


# -- the wizard --------------------------------------------------------------------------------


def _ask(question: str, check: Callable[[str], T]) -> T:
    """Ask until the answer passes ``check``; a mistake is explained and asked again."""
    from backskills import render
    from backskills.errors import BackskillsError

    while True:
        raw = typer.prompt(wrapped(question), default="", show_default=False, err=True)
        try:
            return check(raw)
        except BackskillsError as exc:
            render.error(exc.message)


def _wizard(journal: Journal, answers: Answers) -> None:
    """Ask, one question at a time, for whatever the options did not give."""
    from backskills import render
    from backskills.domain import checkins, validate
    from backskills.errors import InvalidInput

    done = checkins.ordered(journal)
    first = not done
    week = checkins.week_of(journal, answers.day)
    title = f"Check-in {len(done) + 1}" + (f" (week {week})" if week else "")
    render.heading(title, stderr=True)
    render.say(
        "About five minutes. Nothing is saved until the last answer; Ctrl+C stops.",
        stderr=True,
    )

    if answers.pain_average is None or answers.pain_worst is None:
        render.say("", stderr=True)
        render.heading("1. Pain over the last 7 days", stderr=True)
    if answers.pain_average is None:
        with answering("--pain-average"):
            answers.pain_average = _ask(
                "Your average pain, 0 (none) to 10 (the worst you can imagine)",
                lambda raw: validate.pain_score(raw, "average pain"),
            )
    if answers.pain_worst is None:
        average = answers.pain_average

        def worst(raw: str) -> int:
            value = validate.pain_score(raw, "worst pain")
            if value < average:
                raise InvalidInput(
                    "worst pain", f"it cannot be lower than your average ({average})."
                )
            return value

        with answering("--pain-worst"):
            answers.pain_worst = _ask("Your worst pain, 0 to 10", worst)

    if not (answers.psfs or answers.psfs_new or answers.psfs_retire):
        render.say("", stderr=True)
        with answering('--psfs "ACTIVITY=SCORE"'):
            _wizard_psfs(journal, answers, first)
    if not (answers.tests or answers.not_done or answers.tests_new or answers.tests_retire):
        render.say("", stderr=True)
        with answering('--test "NAME=RESULT"'):
            _wizard_tests(journal, answers, first)
    if not first and answers.change is None:
        render.say("", stderr=True)
        render.heading(
            f"4. Compared with your first check-in ({done[0].date.isoformat()}), your back is:",
            stderr=True,
        )
        for number, key in enumerate(checkins.CHANGES, start=1):
            render.say(f"{number}. {checkins.CHANGE_WORDS[key]}", stderr=True)
        with answering("--change"):
            answers.change = _ask("Your answer (a number from 1 to 7)", checkins.change_choice)


def _wizard_psfs(journal: Journal, answers: Answers, first: bool) -> None:
    from backskills import render
    from backskills.domain import checkins, validate
    from backskills.errors import InvalidInput

    render.heading("2. Activities your back makes hard (PSFS)", stderr=True)
    scale = "0 means you cannot do it, 10 means as well as before your back problem."
    taken: list[str] = []

    def new_name(raw: str, suggestions: list[str], required: bool) -> str | None:
        text = raw.strip()
        if not text:
            if required:
                raise InvalidInput("activity", f"name at least {checkins.PSFS_FIRST_MIN}.")
            return None
        if text.isdigit() and 1 <= int(text) <= len(suggestions):
            text = suggestions[int(text) - 1]
        name = validate.name(text, "activity")
        if name.casefold() in {t.casefold() for t in taken}:
            raise InvalidInput("activity", f"'{name}' is on your list already.")
        return name

    def score_of(name: str) -> int:
        return _ask(f"How well can you do '{name}' now? (0-10)", checkins.psfs_score)

    if first:
        render.say(
            f"Name {checkins.PSFS_FIRST_MIN} to {checkins.PSFS_MAX} everyday things you find "
            f"hard or cannot do because of your back, and rate each. {scale}",
            stderr=True,
        )
        ideas = checkins.suggestions(journal)
        if ideas:
            render.say("Ideas from your goals and activities (type a number to use one):",
                       stderr=True)  # fmt: skip
            for number, idea in enumerate(ideas, start=1):
                render.say(f"  {number}. {idea}", stderr=True)
        for k in range(1, checkins.PSFS_MAX + 1):
            required = k <= checkins.PSFS_FIRST_MIN
            question = f"Activity {k}" + ("" if required else " (or Enter to finish)")
            name = _ask(question, partial(new_name, suggestions=ideas, required=required))
            if name is None:
                break
            taken.append(name)
            answers.psfs.append((name, score_of(name)))
        return

    last = {r.item: r.score for r in checkins.ordered(journal)[-1].psfs}
    render.say(
        f"Rate each activity again. {scale} Type 'retire' to stop rating one (its past "
        "scores are kept).",
        stderr=True,
    )

    def rating(raw: str) -> int | None:
        if raw.strip().lower() == "retire":
            return None
        return checkins.psfs_score(raw)

    active = checkins.active_items(journal)
    for item in active:
        before = last.get(item.id)
        hint = f" (last time {before})" if before is not None else ""
        score = _ask(f"{item.activity}{hint}", rating)
        taken.append(item.activity)
        if score is None:
            answers.psfs_retire.append(item.activity)
        else:
            answers.psfs.append((item.activity, score))
    while len(answers.psfs) + len(answers.psfs_new) < checkins.PSFS_MAX:
        required = not (answers.psfs or answers.psfs_new)
        question = "Add a new activity" + ("" if required else " (or Enter to go on)")
        name = _ask(question, partial(new_name, suggestions=[], required=required))
        if name is None:
            break
        taken.append(name)
        answers.psfs_new.append((name, score_of(name)))


def _wizard_tests(journal: Journal, answers: Answers, first: bool) -> None:
    from backskills import render
    from backskills.domain import checkins, validate
    from backskills.domain.units import fmt
    from backskills.errors import InvalidInput

    render.heading("3. Exercise tests", stderr=True)
    caution = checkins.tests_caution(journal)
    if caution:
        render.warn(caution)
    active = checkins.active_tests(journal)
    chosen: list[tuple[str, str, str]] = [(t.name, t.unit, t.better) for t in active]
    previous: dict[str, float] = {}
    if not first:
        tests = {t.id: t for t in journal.outcomes.tests}
        for check in checkins.ordered(journal):
            for result in check.tests:
                if result.result is not None:
                    previous[tests[result.test].name] = result.result

    def pick(raw: str, required: bool) -> tuple[str, str, str] | None:
        text = raw.strip()
        if not text:
            if required:
                raise InvalidInput("test", "choose at least one test.")
            return None
        if text.isdigit():
            number = int(text)
            if not 1 <= number <= len(checkins.KNOWN_TESTS):
                raise InvalidInput(
                    "test", f"choose a number from 1 to {len(checkins.KNOWN_TESTS)}."
                )
            text = checkins.KNOWN_TESTS[number - 1].key
        known = checkins.known_test(text)
        name = known.name if known else validate.name(text, "test")
        if name.casefold() in {c[0].casefold() for c in chosen}:
            raise InvalidInput("test", f"'{name}' is chosen already.")
        if known:
            return (known.name, known.unit, known.better)
        unit = _ask(
            f"What is '{name}' measured in? (for example seconds, reps or metres)",
            lambda raw: validate.name(raw, "unit"),
        )
        better = _ask(
            "Is a higher or a lower result better? (higher or lower)",
            lambda raw: validate.choice(raw, ("higher", "lower"), "higher or lower"),
        )
        answers.tests_new.append((name, unit, better))  # type: ignore[arg-type]
        return (name, unit, better)

    if len(chosen) < checkins.TESTS_MAX:
        if first:
            render.say(
                f"Choose up to {checkins.TESTS_MAX} tests to repeat at every check-in (your "
                "class may name them). Well-known ones:",
                stderr=True,
            )
        else:
            render.say(
                f"You can add a test (up to {checkins.TESTS_MAX}). Well-known ones:", stderr=True
            )
        for number, known in enumerate(checkins.KNOWN_TESTS, start=1):
            render.say(f"  {number}. {known.name} ({known.unit}): {known.how}", stderr=True)
        render.say("Or type the name of your own test.", stderr=True)
        while len(chosen) < checkins.TESTS_MAX:
            required = not chosen
            question = f"Test {len(chosen) + 1}" + (
                " (a number or a name)" if required else " (or Enter to go on)"
            )
            picked = _ask(question, partial(pick, required=required))
            if picked is None:
                break
            chosen.append(picked)

    render.say(
        ("Now do each test and type the result. " if first else
         "Now do each test the same way as last time and type the result. ")
        + "Stop any test that brings on a sharp or new pain, and type 'not done'"
        + (" (or 'retire' to stop doing a test for good)." if not first else "."),
        stderr=True,
    )  # fmt: skip
    existing = {t.name.casefold() for t in active}

    def typed(raw: str, can_retire: bool) -> float | str:
        text = raw.strip().lower()
        if text in ("not done", "not-done", "skip"):
            return "not done"
        if can_retire and text == "retire":
            return "retire"
        return validate.amount(raw, "result")

    for name, unit, better in chosen:
        before = previous.get(name)
        hint = f"; last time {fmt(before)}" if before is not None else ""
        can_retire = name.casefold() in existing
        value = _ask(
            f"{name} (in {unit}, {better} is better{hint})",
            partial(typed, can_retire=can_retire),
        )
        if value == "retire":
            answers.tests_retire.append(name)
        elif value == "not done":
            reason = _ask(
                "Why not today? (a few words)",
                lambda raw: validate.note(raw, "reason") or _empty("reason"),
            )
            answers.not_done.append((name, reason))
        else:
            answers.tests.append((name, float(value)))


def _empty(field: str) -> str:
    from backskills.errors import InvalidInput

    raise InvalidInput(field, "a few words, please.")


# -- reading check-ins -------------------------------------------------------------------------


@app.command("show")
def show_command(
    from_number: Annotated[
        int | None, typer.Option("--from", metavar="N", help="The earlier check-in's number.")
    ] = None,
    to_number: Annotated[
        int | None, typer.Option("--to", metavar="N", help="The later check-in's number.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """What changed: your first and latest check-in side by side, with an honest reading.

    Any two with --from N --to N ('backskills checkin list' shows the numbers).

    Example: backskills checkin show --from 1 --to 2
    """
    from backskills import render
    from backskills.domain import checkins
    from backskills.domain.thresholds import THRESHOLDS
    from backskills.render import checkin as show

    journal = store().load()
    comparison = checkins.compare(journal, from_number, to_number)
    summaries = checkins.summaries(journal)
    plan = checkins.schedule(journal, today())
    only = checkins.detail(journal, checkins.ordered(journal)[0]) if len(summaries) == 1 else None
    if json:
        render.emit_json(
            {
                "checkins": len(summaries),
                "comparison": comparison.to_json() if comparison else None,
                "only": only,
                "schedule": plan.to_json(),
                "thresholds": [t.to_json() for t in THRESHOLDS],
            }
        )
        return
    show.comparison_or_empty(comparison, only, plan)


@app.command("list")
def list_command(json: JsonOption = False) -> None:
    """Your check-ins, oldest first, with their numbers and main scores.

    Example: backskills checkin list
    """
    from backskills import render
    from backskills.domain import checkins
    from backskills.render import checkin as show

    journal = store().load()
    summaries = checkins.summaries(journal)
    plan = checkins.schedule(journal, today())
    if json:
        render.emit_json({"checkins": [s.to_json() for s in summaries], "schedule": plan.to_json()})
        return
    show.listing(summaries, plan)


@app.command("tests")
def tests_command(json: JsonOption = False) -> None:
    """The well-known exercise tests you can choose, and the tests you use.

    Example: backskills checkin tests
    """
    from backskills import render
    from backskills.domain import checkins
    from backskills.render import checkin as show

    journal = store().load()
    known = [
        {"key": k.key, "name": k.name, "unit": k.unit, "better": k.better, "how": k.how}
        for k in checkins.KNOWN_TESTS
    ]
    yours = [t.model_dump(mode="json") for t in journal.outcomes.tests]
    if json:
        render.emit_json({"well_known": known, "yours": yours})
        return
    show.tests(checkins.KNOWN_TESTS, journal.outcomes.tests)
