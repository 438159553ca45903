"""How goals look on screen. User text goes through ``say``/``text``/``table``: never markup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from backskills import render

if TYPE_CHECKING:
    from datetime import date

    from backskills.domain.goals.advice import Advice
    from backskills.domain.goals.ending import Finished
    from backskills.domain.goals.plan_tie import PlanTie
    from backskills.domain.goals.review import ReviewFacts, ReviewOutcome
    from backskills.domain.goals.smart import SmartPart
    from backskills.domain.goals.today_view import TodayGoal
    from backskills.models.goals import Goal

WORDS = {
    "smaller_steps": "break it into smaller steps",
    "move_deadline": "move the deadline",
    "redo_baseline": "measure the baseline again",
    "keep_going": "keep going as you are",
}


def days_phrase(days_left: int) -> str:
    if days_left > 1:
        return f"{days_left} days left"
    if days_left == 1:
        return "1 day left"
    if days_left == 0:
        return "due today"
    if days_left == -1:
        return "1 day past the deadline"
    return f"{-days_left} days past the deadline"


def measure(goal: Goal) -> str:
    from backskills.domain.units import fmt

    if goal.target is None:
        return "no number set"
    text = f"{fmt(goal.target)} {goal.unit or ''}".strip()
    if goal.times_per_week:
        often = {1: "once", 2: "twice"}.get(goal.times_per_week, f"{goal.times_per_week} times")
        text += f", {often} a week"
    return text


def advice(items: Iterable[Advice], stderr: bool = False) -> None:
    """Warnings always go to stderr; hints follow the rest of the output."""
    for item in items:
        if item.level == "warning":
            render.warn(f"{item.message} {item.suggestion}")
        else:
            render.hint(f"{item.message} {item.suggestion}", stderr=stderr)


def smart(goal: Goal) -> None:
    render.say(("  S ", "bold"), "what:      ", goal.title)
    render.say(("  M ", "bold"), "measure:   ", measure(goal))
    render.say(("  A ", "bold"), "why:       ", goal.why)
    render.say(("  R ", "bold"), "reward:    ", goal.reward)
    render.say(("  T ", "bold"), "deadline:  ", goal.deadline.isoformat())


def steps(goal: Goal) -> None:
    if not goal.steps:
        render.say(
            "No steps yet. Small steps make a goal easier: "
            f"backskills goal step add {goal.id} 'TEXT'"
        )
        return
    render.say(("Steps:", "bold"))
    for n, step in enumerate(goal.steps, start=1):
        mark = "[x]" if step.done else "[ ]"
        render.say(f"  {mark} {n}. ", step.text)


def added(goal: Goal, days_left: int) -> None:
    render.say((f"Goal {goal.id} added: ", "bold"), goal.title)
    smart(goal)
    render.say(f"  {days_phrase(days_left)}; category {goal.category}.")
    steps(goal)


def edited(goal: Goal, days_left: int, new_steps: Sequence[int]) -> None:
    render.say((f"Goal {goal.id} updated: ", "bold"), goal.title)
    smart(goal)
    render.say(f"  {days_phrase(days_left)}.")
    if new_steps:
        steps(goal)


def detail(
    goal: Goal,
    days_left: int | None,
    level: float | None = None,
    reaches: date | None = None,
    *,
    baseline_days: int = 0,
) -> None:
    from backskills.domain.activities import arg
    from backskills.domain.units import fmt

    render.say((f"Goal {goal.id}: ", "bold"), goal.title)
    status: str = goal.status
    if goal.status == "active" and days_left is not None:
        status += f", {days_phrase(days_left)}"
    elif goal.ended:
        status += f" on {goal.ended.isoformat()}"
    render.say(f"  {status}; category {goal.category}; set on {goal.created.isoformat()}")
    smart(goal)
    if goal.activity:
        if level is not None and goal.target is not None:
            render.say(
                "  Tied to ",
                goal.activity,
                f": level now {fmt(level)} {goal.unit or ''}".rstrip()
                + f", target {fmt(goal.target)} {goal.unit or ''}".rstrip(),
            )
        elif baseline_days:
            render.say(
                "  Tied to ",
                goal.activity,
                f": its baseline is under way ({baseline_days} of 3 days). Continue the baseline: ",
                f"backskills baseline log {arg(goal.activity)} AMOUNT",
            )
        else:
            render.say("  Tied to ", goal.activity, ": no level yet.")
        if reaches is not None and goal.status == "active":
            if reaches <= goal.deadline:
                render.say(
                    f"  At the slow, safe pace its plan reaches the target on {reaches}: in time."
                )
            else:
                late = (reaches - goal.deadline).days
                render.say(
                    f"  At the slow, safe pace its plan reaches the target on {reaches}, "
                    f"{late} day{'s' if late != 1 else ''} after the deadline. That is worth a "
                    f"look, not a worry: backskills goal review {goal.id}"
                )
    steps(goal)
    for review in goal.reviews:
        line = f"  Reviewed {review.date.isoformat()}: {WORDS[review.choice]}"
        if review.new_deadline:
            line += f" (new deadline {review.new_deadline.isoformat()})"
        render.say(line + ("." if not review.what_happened else ": "), review.what_happened or "")
    if goal.status == "active" and days_left is not None and days_left < 0:
        render.hint(
            f"The deadline has passed. Look at what happened: backskills goal review {goal.id}"
        )


def listing(rows: Sequence[tuple[Goal, int | None, float | None]], showing_all: bool) -> None:
    """Goals as a table. ``rows``: the goal, days left (active goals) and the level now of
    a tied activity. With --all the status says when a goal was achieved or dropped."""
    from backskills.domain.units import fmt

    if not rows:
        render.say(
            "No goals yet." if showing_all else "No active goals.",
            " Add one with: backskills goal add",
        )
        render.more("goals")
        return
    table_rows = []
    for goal, left, level in rows:
        done = sum(step.done for step in goal.steps)
        when = days_phrase(left) if left is not None else goal.status
        if goal.status != "active" and goal.ended is not None:
            when = f"{goal.status} {goal.ended.isoformat()}"
        what = measure(goal)
        if level is not None and goal.target is not None and goal.activity:
            what += f" (level now {fmt(level)})"
        table_rows.append(
            (
                goal.id,
                goal.title,
                what,
                goal.deadline.isoformat(),
                when,
                f"{done}/{len(goal.steps)}",
            )
        )
    render.table(["id", "goal", "measure", "deadline", "status", "steps"], table_rows)
    overdue = [goal.id for goal, left, _level in rows if left is not None and left < 0]
    for goal_id in overdue:
        render.hint(f"Goal {goal_id} is past its deadline: backskills goal review {goal_id}")


def step_added(goal: Goal, n: int) -> None:
    render.say(f"Step {n} added to goal {goal.id}: ", goal.steps[n - 1].text)


def step_changed(goal: Goal, n: int) -> None:
    step = goal.steps[n - 1]
    if step.done:
        left = sum(not s.done for s in goal.steps)
        render.say(f"Step {n} of goal {goal.id} done: ", step.text)
        if left:
            render.say(f"{left} step(s) to go. Well done for keeping at it.")
        else:
            render.say(
                "That was the last step. If you have reached the goal itself, mark it with "
                f"'backskills goal done {goal.id}'."
            )
    else:
        render.say(f"Step {n} of goal {goal.id} is open again: ", step.text)


def finished(result: Finished) -> None:
    goal = result.goal
    render.say(("Well done! ", "bold"), f"Goal {goal.id} achieved: ", goal.title)
    render.say("Time for your reward: ", goal.reward)
    if result.open_steps:
        render.say(f"({result.open_steps} step(s) were still open; they stay as they are.)")
    render.say(("What next?", "bold"))
    render.bullet_list(result.next_ideas)
    render.say("Add it with: backskills goal add")
    render.more("goals")


def dropped(goal: Goal) -> None:
    render.say(f"Goal {goal.id} dropped: ", goal.title)
    render.say(
        "Letting a goal go is fine when it no longer fits your life. "
        "If it still matters but felt out of reach, a smaller goal with smaller steps "
        "may suit you better."
    )
    render.more("goals")


def question(label: str, stderr: bool = False) -> None:
    """A prompt, left on the same line as the answer."""
    (render.err() if stderr else render.out()).print(render.text((f"{label}: ", "bold")), end="")


def end_of_input(stderr: bool = False) -> None:
    """Close the line a question left open when the input ends instead of an answer."""
    (render.err() if stderr else render.out()).print()


def ask_again(reason: str, stderr: bool = False) -> None:
    """Why an answer was not taken, in a sentence (no option names: nothing was typed as
    an option). Reasons such as "cannot be empty." are about the answer itself."""
    subject = "that answer " if reason[:1].islower() else ""
    render.say(("Sorry, ", "bold"), subject + reason, stderr=stderr)


def wizard_intro(stderr: bool = False) -> None:
    render.say(
        "A goal works best when it is SMART. I will ask for each missing part in turn.",
        stderr=stderr,
    )


def wizard_part(part: SmartPart, stderr: bool = False) -> None:
    render.say((f"{part.letter}, {part.word}: ", "bold"), part.explain, stderr=stderr)
    render.say(("  e.g. ", "dim"), part.example, stderr=stderr)


def review_facts(facts: ReviewFacts, level: float | None = None, stderr: bool = False) -> None:
    from backskills.domain.units import fmt

    goal = facts.goal
    render.say((f"Reviewing goal {goal.id}: ", "bold"), goal.title, stderr=stderr)
    render.say(
        f"  Deadline {goal.deadline.isoformat()}: {days_phrase(facts.days_left)}.", stderr=stderr
    )
    if facts.steps_total:
        render.say(f"  Steps done: {facts.steps_done} of {facts.steps_total}.", stderr=stderr)
    else:
        render.say("  No steps were written down for it.", stderr=stderr)
    if level is not None and goal.target is not None:
        render.say(f"  Level now {fmt(level)} against a target of {measure(goal)}.", stderr=stderr)
    render.say(
        "Not reaching a goal is not a failure: it shows what to change. "
        "These are the usual ways forward:",
        stderr=stderr,
    )


def review_options(names: Sequence[str], stderr: bool = False) -> None:
    explain = {
        "smaller-steps": "break it into smaller steps that you can do",
        "move-deadline": "move the deadline to a more realistic date",
        "redo-baseline": "measure your baseline again, so you start from where you are now",
        "keep-going": "carry on as you are, when it is on track",
    }
    for number, name in enumerate(names, start=1):
        render.say(f"  {number}. {name}: {explain[name]}", stderr=stderr)


def review_recorded(outcome: ReviewOutcome) -> None:
    goal = outcome.goal
    choice = outcome.review.choice
    render.say(f"Review recorded for goal {goal.id}: {WORDS[choice]}.")
    if choice == "move_deadline":
        render.say(f"New deadline: {goal.deadline.isoformat()}.")
    elif choice == "smaller_steps":
        if outcome.added_steps:
            steps(goal)
        else:
            render.say(f"Add the smaller steps with: backskills goal step add {goal.id} 'TEXT'")
    elif choice == "redo_baseline":
        redo_baseline_steps(goal)
        render.more("baseline")
        return
    else:
        render.say("Small, steady steps get there.")
        if goal.deadline < outcome.review.date:
            render.hint(
                f"The deadline {goal.deadline.isoformat()} has passed. To set a new one: "
                f"backskills goal review {goal.id} --choice move-deadline --within 4w"
            )
    render.more("goals")


def redo_baseline_steps(goal: Goal) -> None:
    """The commands that measure the baseline again and then renew the goal's plan."""
    from backskills.domain.activities import arg

    if goal.activity:
        name = arg(goal.activity)
        render.say("Start a fresh baseline with: ", f"backskills baseline redo {name}")
        render.say(
            "When the three new days are logged, renew the plan to this goal from the new "
            f"level with: backskills goal edit {goal.id} --activity {name}"
        )
    else:
        render.say(
            "Measure where you are now over three days: backskills baseline log ACTIVITY "
            "AMOUNT. Then tie the activity to this goal, so its plan starts from there: "
            f"backskills goal edit {goal.id} --activity ACTIVITY"
        )


def tie(result: PlanTie | None, stderr: bool = False) -> None:
    """The goal's tie to its activity: the plan and whether the deadline is realistic at the
    slow, safe pace (with the honest alternatives), or the command that starts a baseline."""
    from backskills.domain.units import fmt

    if result is None:
        return
    if result.plan is None:
        render.say(
            "Tied to the activity ",
            result.activity,
            f". Its baseline is not complete yet ({result.baseline_days} of 3 days), so "
            "there is no plan to your target yet.",
            stderr=stderr,
        )
        start = (
            "Continue the baseline with: " if result.baseline_days else "Start the baseline with: "
        )
        render.say(start, result.baseline_command or "", stderr=stderr)
        render.say(
            "When the three days are logged, make the plan with: ",
            result.retie_command or "",
            stderr=stderr,
        )
        render.more("baseline", stderr=stderr)
        return
    plan = result.plan
    render.say(
        ("Progression plan for ", "bold"),
        (plan.activity, "bold"),
        (f": {fmt(plan.start)} to {fmt(plan.target)} ", "bold"),
        (plan.unit, "bold"),
        stderr=stderr,
    )
    if result.replaced_goal is not None:
        render.warn(
            f"{plan.activity} has one plan at a time: this replaces the plan that goal "
            f"{result.replaced_goal} was using."
        )
    if plan.feasible:
        render.say(
            "Your deadline is realistic at the slow, safe pace: the target is due on "
            f"{plan.reaches_target_on.isoformat()}.",
            stderr=stderr,
        )
    else:
        render.say(
            "Your deadline is sooner than the slow, safe pace allows: the target is due on "
            f"{plan.reaches_target_on.isoformat()}.",
            stderr=stderr,
        )
    render.bullet_list(plan.explanation, stderr=stderr)
    if plan.feasible is False:
        render.say("To take one of those choices:", stderr=stderr)
        options = [
            f"a later deadline: backskills goal edit {result.goal_id} --by "
            f"{plan.reaches_target_on.isoformat()}"
        ]
        if plan.reachable_by_deadline_level is not None:
            level = fmt(plan.reachable_by_deadline_level)
            options.append(
                f"a nearer target: backskills goal edit {result.goal_id} --target {level}"
            )
        render.bullet_list(options, stderr=stderr)
    render.more("progression", stderr=stderr)


def today_goals(items: Sequence[TodayGoal]) -> None:
    """Active goals on the home screen: days left and the next open step."""
    render.say(("Goals:", "bold"))
    for item in items:
        render.say(f"  {item.id}. ", item.title, f" ({days_phrase(item.days_left)})")
        if item.next_step is not None:
            n, step_text = item.next_step
            render.say(f"     next step {n}: ", step_text)
        elif item.steps_total:
            render.say(f"     every step done; reached it? 'backskills goal done {item.id}'")
        else:
            render.say(f"     no steps yet: 'backskills goal step add {item.id} TEXT'")
        if item.days_left < 0:
            render.say(f"     past its deadline: 'backskills goal review {item.id}'")


# -- --json ----------------------------------------------------------------------------


def change_json(
    goal: Goal,
    today: date,
    *,
    advice: list[Advice],
    tie: PlanTie | None,
    level: float | None = None,
) -> dict[str, Any]:
    """What a write command stored: the goal, the advice about it and, when the goal made
    or updated a progression plan, the plan (else how to start the baseline)."""
    document = goal_json(goal, today, level)
    document["advice"] = [item.to_json() for item in advice]
    if tie is not None:
        document["tie"] = tie.to_json()
        if tie.plan is not None:
            document["plan"] = tie.plan.to_json()
    return document


def goal_json(goal: Goal, today: date, level: float | None = None) -> dict[str, Any]:
    """The goal as the CLI prints it with ``--json``."""
    from backskills.domain.goals.today_view import days_left
    from backskills.domain.validate import choice_name

    return {
        "id": goal.id,
        "title": goal.title,
        "category": goal.category,
        "target": goal.target,
        "unit": goal.unit,
        "times_per_week": goal.times_per_week,
        "activity": goal.activity,
        "why": goal.why,
        "reward": goal.reward,
        "deadline": goal.deadline.isoformat(),
        "status": goal.status,
        "steps": [
            {"n": n, "text": step.text, "done": step.done}
            for n, step in enumerate(goal.steps, start=1)
        ],
        "created": goal.created.isoformat(),
        "ended": goal.ended.isoformat() if goal.ended else None,
        "days_left": days_left(goal, today) if goal.status == "active" else None,
        "level": level,
        "reviews": [
            {
                "date": review.date.isoformat(),
                "choice": choice_name(review.choice),
                "note": review.what_happened,
                "new_deadline": review.new_deadline.isoformat() if review.new_deadline else None,
            }
            for review in goal.reviews
        ],
    }
