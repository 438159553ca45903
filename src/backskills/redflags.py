"""Red-flag checks: the catalogue of warning signs, the outcome rules and the advice.

Pure domain code: no printing, no prompts, no file I/O. The CLI asks the questions (or
takes ``--present ID`` flags), calls ``record_check`` inside a transaction and hands the
result to ``backskills.render.safety``.

Outcomes, most serious first (``evaluate``):

- ``emergency``: any possible cauda equina sign (``ces_*``).
- ``urgent``: a neurological sign in more than one limb or of the feet (``NEURO_IDS``),
  whatever else is present; or the injury sign or any warning sign together with any
  history item.
- ``see_professional``: the injury sign or any other warning sign, without history.
- ``clear``: none of the signs. History items on their own are ``clear`` with a note to
  mention them to the GP or physiotherapist.

Every outcome's advice ends with the same safety net: check again if anything changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.safety import Assessment, Outcome, RedFlagCheck
from backskills.validate import printable

Group = Literal["emergency", "trauma", "warning", "history"]


@dataclass(frozen=True)
class Sign:
    """One sign or history item: its ID, its group, a short label and a plain question."""

    id: str
    group: Group
    label: str
    question: str


GROUP_TITLES: dict[Group, str] = {
    "emergency": "Emergency signs (possible cauda equina syndrome)",
    "trauma": "After an injury",
    "warning": "Warning signs without an injury",
    "history": "Your health history",
}

SIGNS: tuple[Sign, ...] = (
    # Possible cauda equina syndrome: always an emergency.
    Sign(
        "ces_bladder_bowel",
        "emergency",
        "new trouble starting or controlling urine, or new bowel leakage",
        "Is it newly hard to start passing urine, or to hold it in? Or have your bowels "
        "leaked without you meaning them to?",
    ),
    Sign(
        "ces_sexual_function",
        "emergency",
        "new change in sexual function or genital numbness",
        "Have you noticed a new change in how your sexual organs work or feel, such as numbness?",
    ),
    Sign(
        "ces_saddle_numbness",
        "emergency",
        "numbness or odd feeling between the legs, around the back passage or buttocks",
        "Is there numbness or an odd feeling between your legs, around your back passage "
        "or your buttocks? For example, does wiping after the toilet feel different?",
    ),
    Sign(
        "ces_both_legs",
        "emergency",
        "new pain, numbness or weakness in both legs",
        "Do you have new pain, numbness or weakness in both of your legs?",
    ),
    # After an injury.
    Sign(
        "trauma",
        "trauma",
        "the pain began after a fall, accident or injury",
        "Did this pain begin after a fall, an accident or some other injury?",
    ),
    # Warning signs without an injury.
    Sign(
        "severe_stiffness",
        "warning",
        "severely restricted movement of the lower back and legs",
        "Is the movement of your lower back and legs badly limited, so you can hardly move them?",
    ),
    Sign(
        "leg_pain_below_knee",
        "warning",
        "sudden or newly worsening leg pain below the knee",
        "Is there pain going down a leg past the knee that came on suddenly or is newly "
        "getting worse?",
    ),
    Sign(
        "balance_walking",
        "warning",
        "changes in balance or walking, tripping or falling",
        "Has your balance or the way you walk changed? For example, do you trip or fall?",
    ),
    Sign(
        "limbs_weak_numb",
        "warning",
        "weakness or altered feeling in both arms and/or both legs",
        "Do both arms, or both legs, or all four feel weak, numb or different at the same time?",
    ),
    Sign(
        "foot_drop",
        "warning",
        "one or both feet floppy or very weak when walking",
        "When you walk, does one foot (or both) flop or feel very weak?",
    ),
    Sign(
        "coordination",
        "warning",
        "trouble coordinating arms or legs",
        "Do you have trouble making your arms or legs do what you want, for example "
        "when you write, get dressed or walk?",
    ),
    Sign(
        "trunk_band",
        "warning",
        "pain or odd feeling around the trunk, like a band around the chest",
        "Do you have pain, numbness or an odd feeling around your body, such as a band "
        "around your chest?",
    ),
    Sign(
        "other_joints",
        "warning",
        "other joints painful or stiff since the back pain began",
        "Did other joints become painful or stiff when this back pain started?",
    ),
    Sign(
        "fever_unwell",
        "warning",
        "fever or feeling unwell since the back pain began",
        "Have you had a fever, or felt generally ill, since this back pain started?",
    ),
    Sign(
        "lumps",
        "warning",
        "unexplained lumps that are new, changing or growing",
        "Have you found any lumps you cannot explain that are new, changing or getting bigger?",
    ),
    Sign(
        "constant_pain",
        "warning",
        "constant pain that does not change with rest or movement",
        "Is the pain there all the time, the same whether you rest or move?",
    ),
    Sign(
        "night_pain",
        "warning",
        "night pain that is getting much worse, cannot lie flat",
        "Is your pain at night getting much worse, or can you not lie flat?",
    ),
    Sign(
        "night_sweats",
        "warning",
        "night sweats",
        "Do you wake up drenched in sweat at night?",
    ),
    Sign(
        "weight_loss",
        "warning",
        "unexplained weight loss",
        "Have you lost weight without trying or knowing why?",
    ),
    Sign(
        "more_joints",
        "warning",
        "more and more joints painful or stiff",
        "Are more and more of your joints becoming painful or stiff?",
    ),
    # History that needs special attention.
    Sign(
        "cancer_history",
        "history",
        "cancer, now or in the past",
        "Have you ever had cancer?",
    ),
    Sign(
        "osteoporosis",
        "history",
        "osteoporosis or low bone density",
        "Have you been told you have thin bones (osteoporosis or low bone density)?",
    ),
    Sign(
        "steroids_long_term",
        "history",
        "long-term steroid or immunosuppressant medicines",
        "Have you taken steroid medicines, or medicines that damp down the immune "
        "system, for a long time?",
    ),
    Sign(
        "recent_joint_replacement",
        "history",
        "a recent joint replacement",
        "Have you had a joint replaced recently?",
    ),
    Sign(
        "recent_dental_surgery",
        "history",
        "recent dental surgery",
        "Have you had an operation on your teeth or gums recently?",
    ),
    Sign(
        "recent_steroid_injection",
        "history",
        "a recent steroid injection",
        "Have you had a steroid injection recently?",
    ),
    Sign(
        "inflammatory_joint_disease",
        "history",
        "rheumatoid arthritis or another inflammatory joint disease",
        "Do you have rheumatoid arthritis or another inflammatory joint disease?",
    ),
    Sign(
        "recent_infection",
        "history",
        "a recent infection",
        "Have you had an infection recently?",
    ),
    Sign(
        "tuberculosis_history",
        "history",
        "tuberculosis (TB) in the past",
        "Have you ever had tuberculosis (TB)?",
    ),
    Sign(
        "iv_drug_use",
        "history",
        "injecting drugs",
        "Do you inject drugs, or have you done so?",
    ),
    Sign(
        "alcohol_dependence",
        "history",
        "alcohol dependence",
        "Are you dependent on alcohol?",
    ),
)

BY_ID: dict[str, Sign] = {sign.id: sign for sign in SIGNS}
ALL_IDS: tuple[str, ...] = tuple(sign.id for sign in SIGNS)
EMERGENCY_IDS = frozenset(s.id for s in SIGNS if s.group == "emergency")
TRAUMA_IDS = frozenset(s.id for s in SIGNS if s.group == "trauma")
WARNING_IDS = frozenset(s.id for s in SIGNS if s.group == "warning")
HISTORY_IDS = frozenset(s.id for s in SIGNS if s.group == "history")
# Neurological signs in more than one limb or of the feet: urgent whatever else is present.
NEURO_IDS = frozenset({"limbs_weak_numb", "foot_drop", "coordination", "balance_walking"})
# History that makes a fracture after an injury more likely.
BONE_RISK_IDS = frozenset({"osteoporosis", "steroids_long_term"})
# History that makes any warning sign weigh more.
WEIGHTY_HISTORY_IDS = frozenset(
    {"cancer_history", "recent_infection", "tuberculosis_history", "iv_drug_use"}
)

# How an outcome is named in sentences and lists (the JSON keeps the IDs).
OUTCOME_NAMES: dict[Outcome, str] = {
    "emergency": "emergency",
    "urgent": "urgent",
    "see_professional": "get it checked",
    "clear": "clear",
}

SEVERITY: dict[Outcome, int] = {"clear": 0, "see_professional": 1, "urgent": 2, "emergency": 3}

HEADLINES: dict[Outcome, str] = {
    "emergency": "EMERGENCY: get help now.",
    "urgent": "URGENT: contact your GP today (NHS 111 if the practice is closed).",
    "see_professional": "GET IT CHECKED: see your GP or physiotherapist first.",
    "clear": "CLEAR: none of the warning signs apply today.",
}

ADVICE: dict[Outcome, tuple[str, ...]] = {
    "emergency": (
        "EMERGENCY: get help now. Go to A&E or call 999.",
        "Do not wait for a routine GP appointment, and do not wait to see if it settles.",
        "If you are not sure whether this applies to you, call NHS 111 now and tell them "
        "exactly what you have noticed.",
        "Leave your exercises until you have been seen.",
    ),
    "urgent": (
        "URGENT: contact your GP practice today and tell them which signs you have.",
        "If the practice is closed, call NHS 111.",
        "If things get worse fast, or you notice bladder, bowel or between-the-legs "
        "changes, go to A&E or call 999.",
        "Do not start or step up exercise until you have been checked.",
    ),
    "see_professional": (
        "GET IT CHECKED: have this looked at by your GP or physiotherapist before you "
        "start or step up an exercise programme.",
        "Make an appointment soon; it does not have to be today.",
        "If it gets worse, call NHS 111. For bladder, bowel or between-the-legs changes, "
        "go to A&E or call 999.",
    ),
    "clear": (
        "CLEAR: none of the warning signs apply today.",
        "Back pain is rarely caused by anything serious, so you can go ahead with your programme.",
    ),
}

SAFETY_NET = (
    "Check again with 'backskills redflags' if your symptoms change or something new appears."
)


def sign(sign_id: str) -> Sign:
    return BY_ID[sign_id]


def signs_in(group: Group) -> list[Sign]:
    return [s for s in SIGNS if s.group == group]


def normalise_ids(raw: Iterable[str], field: str = "--present") -> list[str]:
    """Known IDs in catalogue order, without repeats; any unknown ID is ``InvalidInput``."""
    wanted: set[str] = set()
    unknown: list[str] = []
    for item in raw:
        key = item.strip().lower()
        if key in BY_ID:
            wanted.add(key)
        else:
            unknown.append(item.strip())
    if unknown:
        shown = ", ".join(f"'{printable(u)}'" for u in unknown)
        raise InvalidInput(
            field,
            f"{shown} {'is not a known sign' if len(unknown) == 1 else 'are not known signs'}. "
            f"Valid IDs: {', '.join(ALL_IDS)}.",
            hint="'backskills redflags --list' shows each ID with its question.",
        )
    return [sign_id for sign_id in ALL_IDS if sign_id in wanted]


def evaluate(present_ids: Iterable[str]) -> Outcome:
    """The outcome for the signs and history items that apply (rules in the module doc)."""
    present = set(normalise_ids(present_ids))
    if present & EMERGENCY_IDS:
        return "emergency"
    if present & NEURO_IDS:
        return "urgent"
    signs = present & (TRAUMA_IDS | WARNING_IDS)
    if signs and present & HISTORY_IDS:
        return "urgent"
    if signs:
        return "see_professional"
    return "clear"


@dataclass(frozen=True)
class CheckResult:
    """A check's outcome, what applied, why (plain sentences) and what to do."""

    checked_on: dt.date
    outcome: Outcome
    present: list[str]  # signs that apply (not history), catalogue order
    history: list[str]  # history items that apply, catalogue order
    reasons: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # ends with the safety net

    @property
    def headline(self) -> str:
        return HEADLINES[self.outcome]

    def advice_text(self) -> str:
        return "\n".join(self.advice)

    def to_json(self) -> dict[str, Any]:
        return {
            "checked_on": self.checked_on.isoformat(),
            "outcome": self.outcome,
            "present": list(self.present),
            "history": list(self.history),
            "advice": self.advice_text(),
        }


def _labels(ids: Iterable[str]) -> str:
    return "; ".join(BY_ID[i].label for i in ids)


def reasons_for(outcome: Outcome, present: list[str], history: list[str]) -> list[str]:
    """Plain sentences that say how the outcome was reached."""
    chosen = set(present)
    if outcome == "emergency":
        ces = [i for i in present if i in EMERGENCY_IDS]
        return [
            f"You said yes to: {_labels(ces)}.",
            "That can be a sign of cauda equina syndrome: pressure on the bundle of nerves "
            "at the bottom of the spine. It is rare, but it needs to be seen at once.",
        ]
    if outcome == "urgent":
        neuro = [i for i in present if i in NEURO_IDS]
        if neuro:
            return [
                f"You said yes to: {_labels(neuro)}.",
                "Nerve changes like these, in more than one limb or in the feet, need a "
                "doctor to look at them soon, whatever else is going on.",
            ]
        reasons = [
            f"You said yes to: {_labels(present)}. Your history includes: "
            f"{_labels(history)}. Together they need a doctor to look soon."
        ]
        if "trauma" in chosen and BONE_RISK_IDS & set(history):
            reasons.append(
                "After an injury, low bone density or long-term steroids make a broken bone "
                "more likely."
            )
        if WEIGHTY_HISTORY_IDS & set(history):
            reasons.append(
                "With cancer, an infection or drug use in your history, a warning sign "
                "counts for more."
            )
        return reasons
    if outcome == "see_professional":
        reasons = [f"You said yes to: {_labels(present)}."]
        if "trauma" in chosen:
            reasons.append("Pain that began with an injury should be checked before you exercise.")
        if chosen - TRAUMA_IDS:
            reasons.append("A warning sign like this is worth a professional's look first.")
        return reasons
    reasons = ["You said no to every warning sign."]
    if history:
        reasons.append(f"You mentioned: {_labels(history)}.")
    return reasons


def history_note(history: list[str]) -> str:
    """The advice for history items on a clear check: mention them to a professional."""
    return (
        f"Tell your GP or physiotherapist about your history ({_labels(history)}) so they "
        "can take it into account. On its own it needs no action today."
    )


def build_result(checked_on: dt.date, present_ids: Iterable[str]) -> CheckResult:
    """Evaluate a set of IDs into a full result (nothing is stored)."""
    ids = normalise_ids(present_ids)
    outcome = evaluate(ids)
    present = [i for i in ids if i not in HISTORY_IDS]
    history = [i for i in ids if i in HISTORY_IDS]
    return CheckResult(
        checked_on=checked_on,
        outcome=outcome,
        present=present,
        history=history,
        reasons=reasons_for(outcome, present, history),
        advice=[
            *ADVICE[outcome],
            *([history_note(history)] if outcome == "clear" and history else []),
            SAFETY_NET,
        ],
    )


def record_check(journal: Journal, present_ids: Iterable[str], today: dt.date) -> CheckResult:
    """Evaluate and store a check in the journal; returns what was stored."""
    result = build_result(today, present_ids)
    journal.redflag_checks.append(
        RedFlagCheck(
            checked_on=today,
            outcome=result.outcome,
            present=list(result.present),
            history=list(result.history),
        )
    )
    return result


def result_of(check: RedFlagCheck) -> CheckResult:
    """The full result (reasons and advice) of a stored check."""
    return build_result(check.checked_on, [*check.present, *check.history])


# --- history and assessments ------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    number: int  # 1-based, oldest first
    check: RedFlagCheck
    assessment: Assessment | None

    def to_json(self) -> dict[str, Any]:
        assessed = self.assessment
        return {
            "number": self.number,
            "checked_on": self.check.checked_on.isoformat(),
            "outcome": self.check.outcome,
            "present": list(self.check.present),
            "history": list(self.check.history),
            "entered_by_mistake": None
            if self.check.entered_by_mistake is None
            else self.check.entered_by_mistake.isoformat(),
            "assessed": None
            if assessed is None
            else {"date": assessed.date.isoformat(), "note": assessed.note},
        }


def history(journal: Journal) -> list[HistoryRow]:
    """Every stored check, oldest first, with the assessment recorded for it (if any)."""
    rows = []
    for index, check in enumerate(journal.redflag_checks):
        assessed = [a for a in journal.assessments if a.check == index]
        rows.append(HistoryRow(index + 1, check, assessed[-1] if assessed else None))
    return rows


def record_assessment(
    journal: Journal, today: dt.date, note: str | None = None, on: dt.date | None = None
) -> Assessment:
    """Record that a professional has assessed the latest check (which was not clear)."""
    from backskills.safety import latest_counted_check

    counted = latest_counted_check(journal)
    if counted is None:
        raise Refused(
            "there is no red-flag check to mark as assessed yet.",
            hint="Run 'backskills redflags' first.",
        )
    index, latest = counted
    when = on or today
    if latest.outcome == "clear":
        raise Refused(
            f"your latest check ({latest.checked_on.isoformat()}) was clear, so there is "
            "nothing to mark as assessed."
        )
    if any(a.check == index for a in journal.assessments):
        raise Refused(
            f"an assessment of your latest check ({latest.checked_on.isoformat()}) is "
            "already recorded.",
            hint="If your symptoms have changed, run 'backskills redflags' again.",
        )
    if when < latest.checked_on:
        raise InvalidInput(
            "--date",
            f"{when.isoformat()} is before your latest check on "
            f"{latest.checked_on.isoformat()}; give the day of the assessment, on or after it.",
        )
    assessment = Assessment(date=when, check=index, note=note)
    journal.assessments.append(assessment)
    return assessment


# --- the reminder and banner for `today` ------------------------------------------------


@dataclass(frozen=True)
class TodayNotice:
    """What `today` shows about red flags: a reminder (never checked) or a banner."""

    kind: Literal["reminder", "banner"]
    lines: list[str]
    outcome: Outcome | None = None
    checked_on: dt.date | None = None
    assessed_on: dt.date | None = None
    blocks_exercise: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "outcome": self.outcome,
            "checked_on": None if self.checked_on is None else self.checked_on.isoformat(),
            "assessed_on": None if self.assessed_on is None else self.assessed_on.isoformat(),
            "blocks_exercise": self.blocks_exercise,
            "lines": list(self.lines),
        }


def today_notice(journal: Journal, today: dt.date) -> TodayNotice | None:
    """A one-line reminder when no check was ever done; a banner while the latest is not
    clear; otherwise None."""
    from backskills.safety import latest_counted_check

    counted = latest_counted_check(journal)  # a check entered by mistake does not count
    if counted is None:
        return TodayNotice(
            kind="reminder",
            lines=["you have not checked the red flags yet: backskills redflags"],
        )
    index, latest = counted
    if latest.outcome == "clear":
        return None
    assessed = [a for a in journal.assessments if a.check == index]
    when = latest.checked_on.isoformat()
    if assessed:
        return TodayNotice(
            kind="banner",
            outcome=latest.outcome,
            checked_on=latest.checked_on,
            assessed_on=assessed[-1].date,
            lines=[
                f"Your red-flag check on {when} was not clear ({OUTCOME_NAMES[latest.outcome]}). "
                f"You recorded a professional assessment on {assessed[-1].date.isoformat()}.",
                "Follow their advice, and run 'backskills redflags' again if anything changes.",
            ],
        )
    said = HEADLINES[latest.outcome]
    if latest.outcome == "emergency":
        said = f"{ADVICE['emergency'][0]} {ADVICE['emergency'][2]}"
    lines = [f"Your red-flag check on {when} said: {said}"]
    lines.append(
        "backskills will not start or step up exercise until you record an assessment "
        "('backskills redflags assessed') or a new check is clear. Logging is not affected."
    )
    return TodayNotice(
        kind="banner",
        outcome=latest.outcome,
        checked_on=latest.checked_on,
        lines=lines,
        blocks_exercise=True,
    )


def catalogue_json() -> list[dict[str, str]]:
    return [{"id": s.id, "group": s.group, "label": s.label, "question": s.question} for s in SIGNS]
