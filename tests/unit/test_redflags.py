"""The red-flag catalogue and the outcome rules (issue 5)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills import redflags
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.safety import exercise_block_reason, require_exercise_allowed

DAY = dt.date(2026, 3, 1)

# The IDs exactly as the issue lists them, written out here (not read from the module).
CES = ["ces_bladder_bowel", "ces_sexual_function", "ces_saddle_numbness", "ces_both_legs"]
TRAUMA = ["trauma"]
NEURO = ["balance_walking", "limbs_weak_numb", "foot_drop", "coordination"]
OTHER_WARNING = [
    "severe_stiffness",
    "leg_pain_below_knee",
    "trunk_band",
    "other_joints",
    "fever_unwell",
    "lumps",
    "constant_pain",
    "night_pain",
    "night_sweats",
    "weight_loss",
    "more_joints",
]
WARNING = NEURO + OTHER_WARNING
HISTORY = [
    "cancer_history",
    "osteoporosis",
    "steroids_long_term",
    "recent_joint_replacement",
    "recent_dental_surgery",
    "recent_steroid_injection",
    "inflammatory_joint_disease",
    "recent_infection",
    "tuberculosis_history",
    "iv_drug_use",
    "alcohol_dependence",
]
EVERY = CES + TRAUMA + WARNING + HISTORY
RANK = {"clear": 0, "see_professional": 1, "urgent": 2, "emergency": 3}


def expected(ids: set[str]) -> str:
    """The issue's rules, written independently of the module."""
    if ids & set(CES):
        return "emergency"
    has_sign = bool(ids & set(TRAUMA + WARNING))
    if ids & set(NEURO) or (has_sign and ids & set(HISTORY)):
        return "urgent"
    return "see_professional" if has_sign else "clear"


def test_catalogue_has_exactly_the_issue_ids_in_their_groups() -> None:
    assert sorted(redflags.ALL_IDS) == sorted(EVERY)
    assert len(set(redflags.ALL_IDS)) == len(redflags.ALL_IDS) == 31
    assert set(CES) == redflags.EMERGENCY_IDS
    assert set(TRAUMA) == redflags.TRAUMA_IDS
    assert set(WARNING) == redflags.WARNING_IDS
    assert set(HISTORY) == redflags.HISTORY_IDS
    assert set(NEURO) == redflags.NEURO_IDS
    # Emergency signs come first, so the questionnaire asks them first.
    assert list(redflags.ALL_IDS[:4]) == [s.id for s in redflags.signs_in("emergency")]


# Each part of the issue's meaning that a question must still ask about (nothing left out,
# nothing narrowed). Words are matched case-insensitively in the question.
MEANING = {
    "ces_bladder_bowel": ("newly", "start passing urine", "hold it", "bowels", "leaked"),
    "ces_sexual_function": ("new change", "sexual", "numbness"),
    "ces_saddle_numbness": (
        "numbness",
        "odd feeling",
        "between your legs",
        "back passage",
        "buttocks",
        "wiping",
    ),
    "ces_both_legs": ("new", "pain", "numbness", "weakness", "both"),
    "trauma": ("fall", "accident", "injury"),
    "severe_stiffness": ("movement", "lower back", "legs", "limited"),
    "leg_pain_below_knee": ("leg", "knee", "suddenly", "getting worse"),
    "balance_walking": ("balance", "walk", "for example", "trip", "fall"),
    "limbs_weak_numb": ("both arms", "both legs", "weak", "numb", "same time"),
    "foot_drop": ("foot", "both", "flop", "very weak", "walk"),
    "coordination": ("arms", "legs", "write", "dressed", "walk"),
    "trunk_band": ("pain", "numbness", "odd feeling", "band", "chest"),
    "other_joints": ("other joints", "painful", "stiff", "started"),
    "fever_unwell": ("fever", "ill", "started"),
    "lumps": ("lumps", "cannot explain", "new", "changing", "bigger"),
    "constant_pain": ("all the time", "rest", "move"),
    "night_pain": ("night", "much worse", "lie flat"),
    "night_sweats": ("sweat", "night"),
    "weight_loss": ("lost weight", "without"),
    "more_joints": ("more and more", "joints", "painful", "stiff"),
    "cancer_history": ("cancer",),
    "osteoporosis": ("osteoporosis", "bone density"),
    "steroids_long_term": ("steroid medicines", "immune", "long time"),
    "recent_joint_replacement": ("joint replaced", "recently"),
    "recent_dental_surgery": ("teeth", "recently"),
    "recent_steroid_injection": ("steroid injection", "recently"),
    "inflammatory_joint_disease": ("rheumatoid arthritis", "joint disease"),
    "recent_infection": ("infection", "recently"),
    "tuberculosis_history": ("tuberculosis",),
    "iv_drug_use": ("inject drugs",),
    "alcohol_dependence": ("dependent on alcohol",),
}


@pytest.mark.parametrize("sign_id", EVERY)
def test_each_question_keeps_the_whole_meaning_of_its_id(sign_id: str) -> None:
    question = redflags.sign(sign_id).question.lower()
    missing = [word for word in MEANING[sign_id] if word.lower() not in question]
    assert not missing, (sign_id, missing, question)


def test_every_sign_has_a_plain_question_and_label() -> None:
    for sign in redflags.SIGNS:
        assert sign.question.endswith("?"), sign.id
        assert sign.label and sign.label == sign.label.strip()
        assert "_" not in sign.question


@pytest.mark.parametrize("sign_id", CES)
def test_each_emergency_sign_alone_is_emergency(sign_id: str) -> None:
    assert redflags.evaluate([sign_id]) == "emergency"


@pytest.mark.parametrize("sign_id", NEURO)
def test_each_neurological_sign_alone_is_urgent(sign_id: str) -> None:
    assert redflags.evaluate([sign_id]) == "urgent"


@pytest.mark.parametrize("sign_id", TRAUMA + OTHER_WARNING)
def test_trauma_or_other_warning_alone_is_see_professional(sign_id: str) -> None:
    assert redflags.evaluate([sign_id]) == "see_professional"


@pytest.mark.parametrize("sign_id", HISTORY)
def test_history_alone_is_clear(sign_id: str) -> None:
    assert redflags.evaluate([sign_id]) == "clear"


def test_nothing_is_clear() -> None:
    assert redflags.evaluate([]) == "clear"


@pytest.mark.parametrize(
    ("sign_id", "history_id"), list(itertools.product(TRAUMA + WARNING, HISTORY))
)
def test_any_sign_with_any_history_is_urgent(sign_id: str, history_id: str) -> None:
    assert redflags.evaluate([sign_id, history_id]) == "urgent"


@pytest.mark.parametrize(
    ("neuro_id", "other"), list(itertools.product(NEURO, TRAUMA + WARNING + HISTORY))
)
def test_neurological_sign_is_urgent_whatever_else_but_ces(neuro_id: str, other: str) -> None:
    assert redflags.evaluate([neuro_id, other]) == "urgent"


@pytest.mark.parametrize(("ces_id", "other"), list(itertools.product(CES, EVERY)))
def test_emergency_beats_everything(ces_id: str, other: str) -> None:
    assert redflags.evaluate([ces_id, other]) == "emergency"


@pytest.mark.parametrize(
    ("first", "second"), list(itertools.combinations(TRAUMA + OTHER_WARNING, 2))
)
def test_several_non_neurological_signs_without_history_stay_see_professional(
    first: str, second: str
) -> None:
    assert redflags.evaluate([first, second]) == "see_professional"


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(HISTORY, 2)))
def test_history_items_together_stay_clear(first: str, second: str) -> None:
    assert redflags.evaluate([first, second]) == "clear"


@given(st.sets(st.sampled_from(EVERY)))
def test_outcome_follows_the_rules_for_any_subset(ids: set[str]) -> None:
    assert redflags.evaluate(ids) == expected(ids)


@given(st.sets(st.sampled_from(EVERY)), st.sampled_from(EVERY))
def test_adding_a_sign_never_lowers_the_outcome(ids: set[str], extra: str) -> None:
    before = RANK[redflags.evaluate(ids)]
    assert RANK[redflags.evaluate(ids | {extra})] >= before


@given(st.lists(st.sampled_from(EVERY)))
def test_order_case_and_repeats_do_not_matter(ids: list[str]) -> None:
    shuffled = [i.upper() for i in reversed(ids)] + ids
    assert redflags.evaluate(shuffled) == redflags.evaluate(set(ids))
    assert redflags.normalise_ids(shuffled) == [i for i in redflags.ALL_IDS if i in set(ids)]


@given(st.sets(st.sampled_from(EVERY)))
def test_result_splits_signs_from_history_and_always_ends_with_the_safety_net(
    ids: set[str],
) -> None:
    result = redflags.build_result(DAY, ids)
    assert set(result.present) == ids - set(HISTORY)
    assert set(result.history) == ids & set(HISTORY)
    assert result.advice[-1] == redflags.SAFETY_NET
    assert result.reasons


def test_unknown_id_is_invalid_and_lists_the_valid_ones() -> None:
    with pytest.raises(InvalidInput) as caught:
        redflags.evaluate(["trauma", "back_ache"])
    assert caught.value.field == "--present"
    assert "'back_ache'" in caught.value.message
    for sign_id in EVERY:
        assert sign_id in caught.value.message


def test_advice_names_the_right_services() -> None:
    def text(outcome: str) -> str:
        return " ".join(redflags.ADVICE[outcome])  # type: ignore[index]

    assert text("emergency").startswith("EMERGENCY:")
    assert all(w in text("emergency") for w in ("999", "A&E", "NHS 111"))
    assert text("urgent").startswith("URGENT:")
    assert "GP" in text("urgent") and "NHS 111" in text("urgent")
    assert "GP or physiotherapist" in text("see_professional")
    assert "999" not in text("clear")
    for outcome in RANK:
        assert "bed rest" not in text(outcome).lower()


def test_clear_with_history_says_to_mention_it() -> None:
    result = redflags.build_result(DAY, ["osteoporosis"])
    assert result.outcome == "clear"
    # The note is part of the advice (so --json carries it too), before the safety net.
    note = result.advice[-2]
    assert "GP or physiotherapist" in note and "osteoporosis" in note
    assert result.advice[-1] == redflags.SAFETY_NET
    assert not any("history" in line for line in redflags.build_result(DAY, []).advice)


def test_get_it_checked_never_claims_it_is_not_an_emergency() -> None:
    text = " ".join(redflags.ADVICE["see_professional"]).lower()
    assert "not an emergency" not in text
    assert "999" in text and "nhs 111" in text


def test_reasons_explain_fracture_risk_and_weightier_history() -> None:
    injury = " ".join(redflags.build_result(DAY, ["trauma", "steroids_long_term"]).reasons)
    assert "broken bone" in injury
    weighty = " ".join(redflags.build_result(DAY, ["night_sweats", "cancer_history"]).reasons)
    assert "counts for more" in weighty
    neuro = " ".join(redflags.build_result(DAY, ["foot_drop"]).reasons)
    assert "feet" in neuro


def _journal_with(*checks: list[str]) -> Journal:
    journal = Journal()
    for number, ids in enumerate(checks):
        redflags.record_check(journal, ids, DAY + dt.timedelta(days=number))
    return journal


def test_record_check_stores_what_was_evaluated() -> None:
    journal = _journal_with(["trauma", "osteoporosis", "trauma"])
    (check,) = journal.redflag_checks
    assert (check.checked_on, check.outcome) == (DAY, "urgent")
    assert (check.present, check.history) == (["trauma"], ["osteoporosis"])
    assert redflags.result_of(check).outcome == "urgent"


@pytest.mark.parametrize("ids", [["ces_both_legs"], ["foot_drop"], ["lumps"], ["trauma"]])
def test_not_clear_blocks_until_assessed(ids: list[str]) -> None:
    journal = _journal_with(ids)
    with pytest.raises(Refused):
        require_exercise_allowed(journal)
    redflags.record_assessment(journal, DAY, "seen by GP")
    require_exercise_allowed(journal)
    assert journal.assessments[0].check == 0


def test_a_later_clear_check_unblocks_and_a_later_red_flag_blocks_again() -> None:
    journal = _journal_with(["lumps"], [])
    require_exercise_allowed(journal)
    journal = _journal_with(["lumps"], [], ["fever_unwell"])
    assert exercise_block_reason(journal) is not None
    # An assessment of an older check does not cover a newer one.
    journal = _journal_with(["lumps"])
    redflags.record_assessment(journal, DAY)
    redflags.record_check(journal, ["trunk_band"], DAY)
    with pytest.raises(Refused):
        require_exercise_allowed(journal)


def test_history_only_check_does_not_block() -> None:
    require_exercise_allowed(_journal_with(["cancer_history", "iv_drug_use"]))


def test_assessment_refusals() -> None:
    with pytest.raises(Refused, match="no red-flag check"):
        redflags.record_assessment(Journal(), DAY)
    with pytest.raises(Refused, match="clear"):
        redflags.record_assessment(_journal_with([]), DAY)
    journal = _journal_with(["lumps"])
    with pytest.raises(InvalidInput):
        redflags.record_assessment(journal, DAY, on=DAY - dt.timedelta(days=1))
    redflags.record_assessment(journal, DAY)
    with pytest.raises(Refused, match="already recorded"):
        redflags.record_assessment(journal, DAY)
    assert len(journal.assessments) == 1


def test_history_rows_carry_their_assessment() -> None:
    journal = _journal_with(["lumps"], ["trauma"])
    redflags.record_assessment(journal, DAY + dt.timedelta(days=2), "physio")
    rows = redflags.history(journal)
    assert [r.number for r in rows] == [1, 2]
    assert rows[0].assessment is None
    assert rows[1].to_json()["assessed"] == {"date": "2026-03-03", "note": "physio"}


def test_today_notice_reminder_banner_and_nothing() -> None:
    reminder = redflags.today_notice(Journal(), DAY)
    assert reminder is not None and reminder.kind == "reminder"
    assert len(reminder.lines) == 1 and "backskills redflags" in reminder.lines[0]

    assert redflags.today_notice(_journal_with([]), DAY) is None
    assert redflags.today_notice(_journal_with(["osteoporosis"]), DAY) is None

    journal = _journal_with(["ces_saddle_numbness"])
    banner = redflags.today_notice(journal, DAY)
    assert banner is not None and banner.kind == "banner" and banner.blocks_exercise
    joined = " ".join(banner.lines)
    assert "EMERGENCY" in joined and "999" in joined and "A&E" in joined and "NHS 111" in joined

    redflags.record_assessment(journal, DAY)
    assessed = redflags.today_notice(journal, DAY)
    assert assessed is not None and assessed.kind == "banner"
    assert not assessed.blocks_exercise and assessed.assessed_on == DAY
    assert assessed.to_json()["outcome"] == "emergency"
