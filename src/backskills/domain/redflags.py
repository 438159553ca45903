"""Red-flag checks: the table of warning signs, the outcome rules and the advice.

Pure domain code: no printing, no prompts, no file I/O. The CLI asks the questions (or
takes ``--present ID`` flags), calls ``record_check`` inside a transaction and hands the
result to ``backskills.render.safety``.

The table follows the nhs.uk back pain page (when to call 999 or go to A&E, when to ask
for an urgent GP appointment or call 111, when to see a GP), NICE NG59 (low back pain and
sciatica) and NICE NG234 (spinal metastases and metastatic spinal cord compression). When
in doubt it takes the more cautious tier. It never names a diagnosis as certain.

Outcomes, most serious first (``findings`` lists every rule that applies; the outcome is
the most serious of them):

- ``emergency``: 999 or A&E now. Any sign of the ``emergency`` group alone; or a history
  of cancer together with a nerve sign (``NERVE_IDS``: possible spinal cord compression).
- ``urgent``: the GP practice today, or NHS 111 when it is closed. Any sign of the
  ``urgent`` group alone; an injury with thin bones or long-term steroids; a history of
  cancer with a pain pattern NICE NG234 names (``CANCER_URGENT_IDS``); or any sign of the
  ``check`` group together with any history item.
- ``see_professional``: the GP or physiotherapist before starting or increasing exercise.
  Any sign of the ``check`` group alone, and a history of cancer alone.
- ``routine``: mention it at the next appointment; the programme goes on. Any other
  history item alone, and the two ``progress`` items.
- ``clear``: nothing applies.

Gating (``GATING``): ``see_professional`` and above stop backskills starting or increasing
exercise until a new check is clear or routine, or an assessment is recorded. A check is
stored with the outcome it got on the day and the table it was judged by (``rules``); a
later change of the table never changes a stored check.

Every outcome's advice ends with the same safety net: check again if anything changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

from backskills.domain.safety import GATING, assessment_of, latest_counted
from backskills.domain.validate import printable
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.safety import RULES_VERSION, Assessment, Outcome, RedFlagCheck
from backskills.plain import field, plain

Group = Literal["emergency", "urgent", "check", "history", "progress"]


@plain(frozen=True)
class Sign:
    """One sign or history item: its ID, its group, a short label and a plain question.

    ``alone`` is the outcome when it is the only thing that applies."""

    id: str
    group: Group
    alone: Outcome
    label: str
    question: str


GROUP_TITLES: dict[Group, str] = {
    "emergency": "Emergency signs: call 999 or go to A&E",
    "urgent": "Signs that need a doctor today",
    "check": "Signs to have checked before you exercise more",
    "history": "Your health history",
    "progress": "How you are getting on",
}

SIGNS: tuple[Sign, ...] = (
    # Emergency: 999 or A&E now.
    Sign(
        "ces_bladder_bowel",
        "emergency",
        "emergency",
        "new trouble starting or holding urine, new bowel leaks, or new loss of feeling "
        "when you pass urine or stool",
        "Is it newly hard to start passing urine, or to hold it in? Have your bowels "
        "leaked without you meaning them to? Or can you no longer feel urine or stool "
        "passing, or tell when your bladder is full?",
    ),
    Sign(
        "ces_sexual_function",
        "emergency",
        "emergency",
        "new change in sexual function or genital numbness",
        "Have you noticed a new change in how your sexual organs work or feel, such as numbness?",
    ),
    Sign(
        "ces_saddle_numbness",
        "emergency",
        "emergency",
        "numbness or odd feeling between the legs, around the back passage or buttocks",
        "Is there numbness or an odd feeling between your legs, around your back passage "
        "or your buttocks? For example, does wiping after the toilet feel different?",
    ),
    Sign(
        "ces_both_legs",
        "emergency",
        "emergency",
        "new pain, numbness or weakness in both legs",
        "Do you have new pain, numbness or weakness in both of your legs?",
    ),
    Sign(
        "limbs_weak_numb",
        "emergency",
        "emergency",
        "weakness, numbness or tingling in both legs, or arms and legs, at the same time",
        "Do both arms, or both legs, or your arms and legs feel weak, numb or tingly at "
        "the same time?",
    ),
    Sign(
        "chest_pain",
        "emergency",
        "emergency",
        "chest pain along with the back pain",
        "Do you have chest pain as well as your back pain?",
    ),
    Sign(
        "major_trauma",
        "emergency",
        "emergency",
        "the pain began after a serious accident, such as a road accident, a fall from a "
        "height or a heavy blow",
        "Did the pain begin after a serious accident, such as a road accident, a fall from "
        "a height or a heavy blow?",
    ),
    # Urgent: the GP practice today, or NHS 111.
    Sign(
        "balance_walking",
        "urgent",
        "urgent",
        "changes in balance or walking, tripping or falling",
        "Has your balance or the way you walk changed? For example, do you trip or fall?",
    ),
    Sign(
        "foot_drop",
        "urgent",
        "urgent",
        "one or both feet floppy or very weak when walking",
        "When you walk, does one foot (or both) flop or feel very weak?",
    ),
    Sign(
        "coordination",
        "urgent",
        "urgent",
        "trouble coordinating arms or legs",
        "Do you have trouble making your arms or legs do what you want, for example "
        "when you write, get dressed or walk?",
    ),
    Sign(
        "trunk_band",
        "urgent",
        "urgent",
        "pain or odd feeling around the trunk, like a band around the chest",
        "Do you have pain, numbness or an odd feeling around your body, such as a band "
        "around your chest?",
    ),
    Sign(
        "upper_back",
        "urgent",
        "urgent",
        "pain mainly between the shoulder blades, not in the low back",
        "Is the pain mainly between your shoulder blades, rather than low in your back?",
    ),
    Sign(
        "worse_straining",
        "urgent",
        "urgent",
        "pain much worse when coughing, sneezing or straining on the toilet",
        "Is the pain much worse when you cough, sneeze or strain on the toilet?",
    ),
    Sign(
        "night_pain",
        "urgent",
        "urgent",
        "pain that is worse at night or not eased by rest",
        "Is your pain worse at night, or not eased by rest? Or can you not lie flat?",
    ),
    Sign(
        "constant_pain",
        "urgent",
        "urgent",
        "constant pain that does not change with rest or movement",
        "Is the pain there all the time, the same whether you rest or move?",
    ),
    Sign(
        "fever_unwell",
        "urgent",
        "urgent",
        "fever or feeling unwell since the back pain began",
        "Have you had a fever, or felt generally ill, since this back pain started?",
    ),
    Sign(
        "weight_loss",
        "urgent",
        "urgent",
        "unexplained weight loss",
        "Have you lost weight without trying or knowing why?",
    ),
    Sign(
        "lumps",
        "urgent",
        "urgent",
        "an unexplained lump or swelling that is new, changing or growing, or a change in "
        "the shape of your back",
        "Have you found a lump or swelling you cannot explain that is new, changing or "
        "getting bigger? Or has the shape of your back changed?",
    ),
    # Get it checked: GP or physiotherapist before starting or increasing exercise.
    Sign(
        "trauma",
        "check",
        "see_professional",
        "the pain began after a recent fall, accident or injury that has not been checked",
        "Did this pain begin after a recent fall, accident or other injury that nobody "
        "has checked yet?",
    ),
    Sign(
        "severe_stiffness",
        "check",
        "see_professional",
        "a lower back and legs so stiff you can hardly move them",
        "Is the movement of your lower back and legs badly limited, so you can hardly move them?",
    ),
    Sign(
        "leg_pain_below_knee",
        "check",
        "see_professional",
        "sudden or newly worsening leg pain below the knee",
        "Is there pain going down a leg past the knee that came on suddenly or is newly "
        "getting worse?",
    ),
    Sign(
        "other_joints",
        "check",
        "see_professional",
        "other joints painful or stiff since the back pain began",
        "Did other joints become painful or stiff when this back pain started?",
    ),
    Sign(
        "more_joints",
        "check",
        "see_professional",
        "more and more joints painful or stiff",
        "Are more and more of your joints becoming painful or stiff?",
    ),
    Sign(
        "night_sweats",
        "check",
        "see_professional",
        "night sweats",
        "Do you wake up drenched in sweat at night?",
    ),
    # History that needs special attention.
    Sign(
        "cancer_history",
        "history",
        "see_professional",
        "cancer, now or in the past",
        "Have you ever had cancer?",
    ),
    Sign(
        "osteoporosis",
        "history",
        "routine",
        "osteoporosis or low bone density",
        "Have you been told you have thin bones (osteoporosis or low bone density)?",
    ),
    Sign(
        "steroids_long_term",
        "history",
        "routine",
        "long-term steroid medicines, or medicines that damp down the immune system",
        "Have you taken steroid medicines, or medicines that damp down the immune "
        "system, for a long time?",
    ),
    Sign(
        "recent_joint_replacement",
        "history",
        "routine",
        "a recent joint replacement",
        "Have you had a joint replaced recently?",
    ),
    Sign(
        "recent_dental_surgery",
        "history",
        "routine",
        "recent dental surgery",
        "Have you had an operation on your teeth or gums recently?",
    ),
    Sign(
        "recent_steroid_injection",
        "history",
        "routine",
        "a recent steroid injection",
        "Have you had a steroid injection recently?",
    ),
    Sign(
        "inflammatory_joint_disease",
        "history",
        "routine",
        "rheumatoid arthritis or another inflammatory joint disease",
        "Do you have rheumatoid arthritis or another inflammatory joint disease?",
    ),
    Sign(
        "recent_infection",
        "history",
        "routine",
        "a recent infection",
        "Have you had an infection recently?",
    ),
    Sign(
        "tuberculosis_history",
        "history",
        "routine",
        "tuberculosis (TB) in the past",
        "Have you ever had tuberculosis (TB)?",
    ),
    Sign(
        "iv_drug_use",
        "history",
        "routine",
        "injecting drugs",
        "Do you inject drugs, or have you done so?",
    ),
    Sign(
        "alcohol_dependence",
        "history",
        "routine",
        "alcohol dependence",
        "Are you dependent on alcohol?",
    ),
    # How the patient is getting on: worth an appointment, never a stop.
    Sign(
        "not_improving",
        "progress",
        "routine",
        "no better after about six weeks of self-help, or the pain stops your daily life",
        "Is your back no better after about six weeks of looking after it yourself? Or "
        "does the pain stop you doing everyday things?",
    ),
    Sign(
        "not_coping",
        "progress",
        "routine",
        "worried about your back, or struggling to cope",
        "Are you very worried about your back, or finding it hard to cope?",
    ),
)

BY_ID: dict[str, Sign] = {sign.id: sign for sign in SIGNS}
ALL_IDS: tuple[str, ...] = tuple(sign.id for sign in SIGNS)
EMERGENCY_IDS = frozenset(s.id for s in SIGNS if s.group == "emergency")
URGENT_IDS = frozenset(s.id for s in SIGNS if s.group == "urgent")
CHECK_IDS = frozenset(s.id for s in SIGNS if s.group == "check")
HISTORY_IDS = frozenset(s.id for s in SIGNS if s.group == "history")
PROGRESS_IDS = frozenset(s.id for s in SIGNS if s.group == "progress")
CES_IDS = frozenset(i for i in EMERGENCY_IDS if i.startswith("ces_"))
# Nerve signs: with a history of cancer, possible spinal cord compression (NICE NG234).
NERVE_IDS = frozenset({"foot_drop", "coordination", "balance_walking", "limbs_weak_numb"})
# Pain patterns that, with a history of cancer, need the cancer team or GP today (NG234).
CANCER_URGENT_IDS = frozenset(
    {"night_pain", "constant_pain", "trunk_band", "upper_back", "weight_loss", "worse_straining"}
)
# History that makes a broken bone after an injury more likely.
BONE_RISK_IDS = frozenset({"osteoporosis", "steroids_long_term"})

# How an outcome is named in sentences and lists (the JSON keeps the IDs).
OUTCOME_NAMES: dict[Outcome, str] = {
    "emergency": "emergency",
    "urgent": "urgent",
    "see_professional": "get it checked",
    "routine": "routine",
    "clear": "clear",
}

SEVERITY: dict[Outcome, int] = {
    "clear": 0,
    "routine": 1,
    "see_professional": 2,
    "urgent": 3,
    "emergency": 4,
}

HEADLINES: dict[Outcome, str] = {
    "emergency": "EMERGENCY: call 999 or go to A&E now.",
    "urgent": "URGENT: contact your GP practice today (NHS 111 if it is closed).",
    "see_professional": "GET IT CHECKED: see your GP or physiotherapist before you exercise more.",
    "routine": "ROUTINE: mention it at your next GP or physiotherapy appointment.",
    "clear": "CLEAR: none of the warning signs apply today.",
}

ADVICE: dict[Outcome, tuple[str, ...]] = {
    "emergency": (
        "EMERGENCY: call 999 or go to A&E now. (112 also works.)",
        "Do not wait for a GP appointment, and do not wait to see if it gets better.",
        "Tell them exactly what you have noticed.",
        "Leave your exercises until you have been seen.",
    ),
    "urgent": (
        "URGENT: contact your GP practice today and tell them which signs you have.",
        "If the practice is closed, call NHS 111. In Scotland, call NHS 24 on 111.",
        "Go to A&E or call 999 if it gets worse fast or you feel very unwell.",
        "Do not start or step up exercise until you have been checked.",
    ),
    "see_professional": (
        "GET IT CHECKED: have this looked at by your GP or physiotherapist before you "
        "start or step up exercise.",
        "Make an appointment soon. It does not have to be today.",
        "If it gets worse, call NHS 111 (NHS 24 on 111 in Scotland). If you notice an "
        "emergency sign, call 999 or go to A&E.",
    ),
    "routine": (
        "ROUTINE: mention this at your next GP or physiotherapy appointment.",
        "It does not stop your programme. Carry on, in small steps.",
    ),
    "clear": (
        "CLEAR: none of the warning signs apply today.",
        "Serious causes of back pain are rare. You can go ahead with your programme.",
    ),
}

CANCER_TEAM = (
    "You have had cancer. If you have a cancer team, call their acute oncology line "
    "today. If not, contact your GP today."
)
CANCER_EMERGENCY = (
    "You have had cancer: tell the 999 call handler or the A&E staff. If you have a cancer "
    "team, let their acute oncology line know too."
)
CANCER_CHECK = (
    "You have had cancer, so tell your GP, or your cancer team if you have one, about "
    "this back pain. If it gets worse at night, or you notice a new sign, contact them today."
)
CRISIS_LINE = (
    "If you feel you cannot go on or might harm yourself, call 999 or Samaritans on "
    "116 123 (free, any time)."
)
NOT_COPING = (
    "Worry and low mood are common with back pain, and help is there. Talk to your GP "
    "about how you feel. More: backskills learn mood-and-help"
)
NOT_IMPROVING = (
    "If you have no appointment coming up, book one with your GP or physiotherapist. In "
    "many areas you can refer yourself to physiotherapy."
)

SAFETY_NET = "Check again with 'backskills redflags' if anything changes or something new appears."


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


@plain(frozen=True)
class Finding:
    """One rule of the table that applies: its outcome, the IDs behind it and why."""

    outcome: Outcome
    ids: tuple[str, ...]
    why: str


def _sorted(ids: Iterable[str]) -> tuple[str, ...]:
    chosen = set(ids)
    return tuple(i for i in ALL_IDS if i in chosen)


ALONE_WHY: dict[Group, str] = {
    "urgent": "Signs like these need a doctor to look at them today.",
    "check": "A sign like this is worth a professional's look before you exercise more.",
    "history": "On its own this does not stop your programme, but your GP or "
    "physiotherapist should know about it.",
}

SIGN_WHY: dict[str, str] = {
    "chest_pain": "Chest pain along with back pain needs checking at once.",
    "major_trauma": "After a serious accident the spine needs checking before anything else.",
    "limbs_weak_numb": "Weakness or numbness in both legs, or in arms and legs, at the same "
    "time needs checking at once.",
    "trauma": "Pain that began with a fall or injury should be checked before you exercise.",
    "cancer_history": "With cancer now or in the past, back pain should be checked by a "
    "professional, even with no other sign.",
    "not_improving": "Pain that is no better after about six weeks, or that stops your daily "
    "life, is worth talking over with your GP or physiotherapist.",
    "not_coping": "Feeling worried or finding it hard to cope is common with back pain, and "
    "worth talking about.",
}

CES_WHY = (
    "These can be signs of cauda equina syndrome: pressure on the bundle of nerves at the "
    "bottom of the spine. It is rare, but it needs to be seen at once."
)


@plain(frozen=True)
class Combination:
    """A rule for signs together: it applies when at least one ID of each group is present."""

    outcome: Outcome
    groups: tuple[frozenset[str], ...]
    why: str


CANCER = frozenset({"cancer_history"})
COMBINATIONS: tuple[Combination, ...] = (
    Combination(
        "emergency",
        (CANCER, NERVE_IDS),
        "With cancer in your history, nerve changes like these can come from pressure on "
        "the spinal cord. That needs checking the same day, as an emergency.",
    ),
    Combination(
        "urgent",
        (frozenset({"trauma"}), BONE_RISK_IDS),
        "After a fall or injury, thin bones or long-term steroids make a broken bone more likely.",
    ),
    Combination(
        "urgent",
        (CANCER, CANCER_URGENT_IDS),
        "With cancer in your history, pain like this needs checking today by your cancer "
        "team or your GP.",
    ),
    Combination(
        "urgent",
        (CHECK_IDS, HISTORY_IDS),
        "A warning sign together with your health history needs a doctor today.",
    ),
)


def findings(present_ids: Iterable[str]) -> list[Finding]:
    """Every rule of the table that applies to these IDs, most serious first."""
    present = set(normalise_ids(present_ids))
    found: list[Finding] = []
    ces = _sorted(present & CES_IDS)
    if ces:
        found.append(Finding("emergency", ces, CES_WHY))
    for sign_id in _sorted(present - CES_IDS):
        item = BY_ID[sign_id]
        why = SIGN_WHY.get(sign_id) or ALONE_WHY.get(item.group, "")
        found.append(Finding(item.alone, (sign_id,), why))
    for rule in COMBINATIONS:
        parts = [present & group for group in rule.groups]
        if all(parts):
            found.append(Finding(rule.outcome, _sorted(set().union(*parts)), rule.why))
    found.sort(key=lambda f: -SEVERITY[f.outcome])  # stable: table order within a tier
    return found


def evaluate(present_ids: Iterable[str]) -> Outcome:
    """The outcome for the signs and history items that apply (rules in the module doc)."""
    found = findings(present_ids)
    return found[0].outcome if found else "clear"


def more_serious(first: Outcome, second: Outcome) -> bool:
    return SEVERITY[first] > SEVERITY[second]


@plain(frozen=True)
class CheckResult:
    """A check's outcome, what applied, why (plain sentences) and what to do."""

    checked_on: dt.date
    outcome: Outcome
    present: list[str]  # signs that apply (not history), table order
    history: list[str]  # history items that apply, table order
    reasons: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # ends with the safety net
    rules: int = RULES_VERSION

    @property
    def headline(self) -> str:
        return HEADLINES[self.outcome]

    def advice_text(self) -> str:
        return "\n".join(self.advice)

    def to_json(self) -> dict[str, Any]:
        return {
            "checked_on": self.checked_on.isoformat(),
            "outcome": self.outcome,
            "gates_exercise": self.outcome in GATING,
            "present": list(self.present),
            "history": list(self.history),
            "signs": [{"id": i, "label": label(i)} for i in [*self.present, *self.history]],
            "advice": self.advice_text(),
        }


def label(sign_id: str) -> str:
    """A sign in words; an ID this version does not know is shown as it was stored."""
    known = BY_ID.get(sign_id)
    return known.label if known else sign_id


def labels(ids: Iterable[str]) -> str:
    return "; ".join(label(i) for i in ids)


def reasons_for(outcome: Outcome, present: list[str], history: list[str]) -> list[str]:
    """Plain sentences that say how the outcome was reached, most serious first."""
    ids = [*present, *history]
    if not ids:
        return ["You said no to every question."]
    known = [i for i in ids if i in BY_ID]
    reasons = [f"You said yes to: {labels(ids)}."]
    for finding in findings(known):
        if finding.outcome != outcome:
            continue  # only the rules that decided the outcome
        if finding.why and finding.why not in reasons:
            reasons.append(finding.why)
    return reasons


def history_note(history: list[str]) -> str:
    """For history items without warning signs: mention them to a professional."""
    return (
        f"Tell your GP or physiotherapist about your history ({labels(history)}) so they "
        "can take it into account."
    )


def advice_for(outcome: Outcome, present: list[str], history: list[str]) -> list[str]:
    """What to do: the tier's advice, then lines for cancer, coping and progress, then
    the safety net."""
    ids = set(present) | set(history)
    lines = list(ADVICE[outcome])
    if "not_coping" in ids:  # the crisis line straight after the headline, never last
        lines[1:1] = [CRISIS_LINE, NOT_COPING]
    if "cancer_history" in ids and outcome == "emergency":
        lines.append(CANCER_EMERGENCY)
    elif "cancer_history" in ids and outcome == "urgent":
        lines.append(CANCER_TEAM)
    elif "cancer_history" in ids and outcome == "see_professional":
        lines.append(CANCER_CHECK)
    if history and outcome in ("routine", "clear"):
        lines.append(history_note(history))
    if "not_improving" in ids and outcome in ("routine", "clear"):
        lines.append(NOT_IMPROVING)
    lines.append(SAFETY_NET)
    return lines


def build_result(checked_on: dt.date, present_ids: Iterable[str]) -> CheckResult:
    """Evaluate a set of IDs with today's table into a full result (nothing is stored)."""
    ids = normalise_ids(present_ids)
    outcome = evaluate(ids)
    return _result(checked_on, outcome, ids, RULES_VERSION)


def _result(checked_on: dt.date, outcome: Outcome, ids: list[str], rules: int) -> CheckResult:
    present = [i for i in ids if i not in HISTORY_IDS]
    history = [i for i in ids if i in HISTORY_IDS]
    return CheckResult(
        checked_on=checked_on,
        outcome=outcome,
        present=present,
        history=history,
        reasons=reasons_for(outcome, present, history),
        advice=advice_for(outcome, present, history),
        rules=rules,
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
            rules=RULES_VERSION,
        )
    )
    return result


def result_of(check: RedFlagCheck) -> CheckResult:
    """The result of a stored check, with the outcome it got on the day (never re-judged)."""
    return CheckResult(
        checked_on=check.checked_on,
        outcome=check.outcome,
        present=list(check.present),
        history=list(check.history),
        reasons=reasons_for(check.outcome, list(check.present), list(check.history)),
        advice=advice_for(check.outcome, list(check.present), list(check.history)),
        rules=check.rules,
    )


def rejudged(check: RedFlagCheck) -> Outcome | None:
    """The outcome today's table gives a check judged by an older one, when that is more
    serious than what it got; otherwise None. Unknown IDs are left out."""
    if check.rules >= RULES_VERSION:
        return None
    ids = [i for i in [*check.present, *check.history] if i in BY_ID]
    now = evaluate(ids)
    return now if more_serious(now, check.outcome) else None


# --- history and assessments ------------------------------------------------------------


@plain(frozen=True)
class HistoryRow:
    number: int  # 1-based, oldest first
    check: RedFlagCheck
    assessment: Assessment | None

    @property
    def signs(self) -> list[str]:
        """What applied, in words (an ID this version does not know stays as stored)."""
        return [label(i) for i in [*self.check.present, *self.check.history]]

    @property
    def advice(self) -> str:
        """The advice tier of the outcome it got on the day."""
        return HEADLINES[self.check.outcome]

    @property
    def earlier_rules(self) -> bool:
        """Judged by an earlier triage table (kept exactly as it was recorded)."""
        return self.check.rules < RULES_VERSION

    def to_json(self) -> dict[str, Any]:
        assessed = self.assessment
        return {
            "number": self.number,
            "checked_on": self.check.checked_on.isoformat(),
            "outcome": self.check.outcome,
            "advice": self.advice,
            "rules": self.check.rules,
            "present": list(self.check.present),
            "history": list(self.check.history),
            "entered_by_mistake": None
            if self.check.entered_by_mistake is None
            else self.check.entered_by_mistake.isoformat(),
            "signs": [
                {"id": i, "label": label(i)} for i in [*self.check.present, *self.check.history]
            ],
            "assessed": None
            if assessed is None
            else {"date": assessed.date.isoformat(), "note": assessed.note},
        }


def history(journal: Journal) -> list[HistoryRow]:
    """Every stored check, oldest first, with the assessment recorded for it (if any).

    A check entered by mistake stays here (marked), though it no longer counts."""
    return [
        HistoryRow(index + 1, check, assessment_of(journal, index))
        for index, check in enumerate(journal.redflag_checks)
    ]


def record_assessment(
    journal: Journal, today: dt.date, note: str | None = None, on: dt.date | None = None
) -> Assessment:
    """Record that a professional has assessed the latest check (which gates exercise)."""
    latest = latest_counted(journal)
    if latest is None:
        raise Refused(
            "there is no red-flag check to mark as assessed yet.",
            hint="Run 'backskills redflags' first.",
        )
    index, check = latest
    when = on or today
    if check.outcome not in GATING:
        raise Refused(
            f"your latest check ({check.checked_on.isoformat()}) was "
            f"{OUTCOME_NAMES[check.outcome]}, so there is nothing to mark as assessed.",
            hint=None
            if check.outcome == "clear"
            else "A routine check never stops your programme; mention it at your next appointment.",
        )
    if assessment_of(journal, index) is not None:
        raise Refused(
            f"an assessment of your latest check ({check.checked_on.isoformat()}) is "
            "already recorded.",
            hint="If your symptoms have changed, run 'backskills redflags' again.",
        )
    if when < check.checked_on:
        raise InvalidInput(
            "--date",
            f"{when.isoformat()} is before your latest check on "
            f"{check.checked_on.isoformat()}; give the day of the assessment, on or after it.",
        )
    assessment = Assessment(date=when, check=index, note=note)
    journal.assessments.append(assessment)
    return assessment


# --- what `today` says about red flags ---------------------------------------------------

# After this many days a check is stale: `today` asks for a fresh one (a reminder, not a gate).
STALE_AFTER_DAYS = 42


def weeks_and_days(days: int) -> str:
    weeks, rest = divmod(days, 7)
    parts = []
    if weeks:
        parts.append(f"{weeks} week{'s' if weeks != 1 else ''}")
    if rest or not weeks:
        parts.append(f"{rest} day{'s' if rest != 1 else ''}")
    return " and ".join(parts)


@plain(frozen=True)
class TodayNotice:
    """What `today` shows about red flags.

    ``kind``: ``reminder`` (never checked), ``banner`` (the latest check gates, or gated and
    was assessed), ``note`` (the latest check was routine) or ``ok`` (clear: nothing to
    say unless a reminder applies). ``reminders`` are the gentle extra lines: a stale check
    (over six weeks old) and a check judged by an older table that today's would rate
    more serious."""

    kind: Literal["reminder", "banner", "note", "ok"]
    lines: list[str]
    outcome: Outcome | None = None
    checked_on: dt.date | None = None
    assessed_on: dt.date | None = None
    blocks_exercise: bool = False
    age_days: int | None = None
    stale: bool = False
    rejudged: Outcome | None = None
    reminders: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.lines and not self.reminders

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "outcome": self.outcome,
            "checked_on": None if self.checked_on is None else self.checked_on.isoformat(),
            "age_days": self.age_days,
            "stale": self.stale,
            "assessed_on": None if self.assessed_on is None else self.assessed_on.isoformat(),
            "blocks_exercise": self.blocks_exercise,
            "now_rated": self.rejudged,
            "lines": list(self.lines),
            "reminders": list(self.reminders),
        }


def _reminders(check: RedFlagCheck, age: int, now: Outcome | None) -> list[str]:
    when = check.checked_on.isoformat()
    found = []
    if now is not None:
        found.append(
            f"The red-flag questions have been updated since your check on {when}. With "
            f"your answers, it would now say: {HEADLINES[now]} Please check again now: "
            "backskills redflags"
        )
    if age > STALE_AFTER_DAYS:
        found.append(
            f"Your last red-flag check was on {when}, {weeks_and_days(age)} ago. Please do a "
            "fresh one: backskills redflags"
        )
    return found


def today_notice(journal: Journal, today: dt.date) -> TodayNotice:
    """A reminder when no check was ever done; otherwise what the latest check means today
    (a banner while it gates, a note when routine), with the stale and updated-table
    reminders."""
    latest = latest_counted(journal)
    if latest is None:
        return TodayNotice(
            kind="reminder",
            lines=["you have not checked the red flags yet: backskills redflags"],
        )
    index, check = latest
    age = max(0, (today - check.checked_on).days)
    now = rejudged(check)
    common: dict[str, Any] = {
        "outcome": check.outcome,
        "checked_on": check.checked_on,
        "age_days": age,
        "stale": age > STALE_AFTER_DAYS,
        "rejudged": now,
        "reminders": _reminders(check, age, now),
    }
    when = check.checked_on.isoformat()
    ids = [*check.present, *check.history]
    if check.outcome == "clear":
        return TodayNotice(kind="ok", lines=[], **common)
    if check.outcome == "routine":
        lines = [
            f"Your red-flag check on {when} found something to mention at your next GP or "
            f"physiotherapy appointment: {labels(ids)}. It does not stop your programme."
        ]
        if "not_coping" in ids:
            lines.append(CRISIS_LINE)
        return TodayNotice(kind="note", lines=lines, **common)
    assessed = assessment_of(journal, index)
    if assessed is not None:
        lines = [
            f"Your red-flag check on {when} was not clear ({OUTCOME_NAMES[check.outcome]}). "
            f"You recorded a professional assessment on {assessed.date.isoformat()}.",
            "Follow their advice, and run 'backskills redflags' again if anything changes.",
        ]
        if "not_coping" in ids:
            lines.append(CRISIS_LINE)
        return TodayNotice(kind="banner", lines=lines, assessed_on=assessed.date, **common)
    advice = ADVICE[check.outcome]
    said = HEADLINES[check.outcome]
    if check.outcome in ("emergency", "urgent"):
        said = f"{advice[0]} {advice[1]} {advice[2]}"
    lines = [f"Your red-flag check on {when} said: {said}"]
    if "cancer_history" in ids and check.outcome == "emergency":
        lines.append(CANCER_EMERGENCY)
    elif "cancer_history" in ids and check.outcome == "urgent":
        lines.append(CANCER_TEAM)
    if "not_coping" in ids:
        lines.append(CRISIS_LINE)
    lines.append(
        "backskills will not start or step up exercise until you record an assessment "
        "('backskills redflags assessed') or a new check is clear or routine. Logging is not affected."
    )
    return TodayNotice(kind="banner", lines=lines, blocks_exercise=True, **common)


def catalogue_json() -> list[dict[str, str]]:
    return [
        {
            "id": s.id,
            "group": s.group,
            "alone": s.alone,
            "label": s.label,
            "question": s.question,
        }
        for s in SIGNS
    ]


def signs_by_outcome(outcome: Outcome) -> list[Sign]:
    """The signs whose outcome on their own is ``outcome`` (table order)."""
    return [s for s in SIGNS if s.alone == outcome]
