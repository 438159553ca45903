"""The red-flag catalogue and the outcome rules (issue 5)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backskills.domain import redflags
from backskills.domain.safety import exercise_block_reason, require_exercise_allowed
from backskills.errors import InvalidInput, Refused
from backskills.models import Journal
from backskills.models.safety import RULES_VERSION, RedFlagCheck

DAY = dt.date(2026, 3, 1)

# The IDs exactly as issue 10 lists them, with the outcome each has ON ITS OWN, written
# out here (not read from the module): this is the table the code must match.
CES = ["ces_bladder_bowel", "ces_sexual_function", "ces_saddle_numbness", "ces_both_legs"]
EMERGENCY = [*CES, "limbs_weak_numb", "chest_pain", "major_trauma"]
NERVE = ["foot_drop", "coordination", "balance_walking", "limbs_weak_numb"]
NEURO = ["balance_walking", "foot_drop", "coordination"]  # urgent alone (not emergency)
URGENT = [
    *NEURO,
    "trunk_band",
    "upper_back",
    "worse_straining",
    "night_pain",
    "constant_pain",
    "fever_unwell",
    "weight_loss",
    "lumps",
]
CHECK = [
    "trauma",
    "severe_stiffness",
    "leg_pain_below_knee",
    "other_joints",
    "more_joints",
    "night_sweats",
]
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
PROGRESS = ["not_improving", "not_coping"]
OTHER_HISTORY = [h for h in HISTORY if h != "cancer_history"]
CANCER_PAIN = [
    "night_pain",
    "constant_pain",
    "trunk_band",
    "upper_back",
    "weight_loss",
    "worse_straining",
]
BONE = ["osteoporosis", "steroids_long_term"]
EVERY = EMERGENCY + URGENT + CHECK + HISTORY + PROGRESS
RANK = {"clear": 0, "routine": 1, "see_professional": 2, "urgent": 3, "emergency": 4}

ALONE: dict[str, str] = {
    **{i: "emergency" for i in EMERGENCY},
    **{i: "urgent" for i in URGENT},
    **{i: "see_professional" for i in CHECK},
    "cancer_history": "see_professional",
    **{i: "routine" for i in OTHER_HISTORY},
    **{i: "routine" for i in PROGRESS},
}

# Every combination that changes the outcome (more serious than its parts alone). Cancer
# history with one of CANCER_PAIN stays urgent but changes the advice (the cancer team).
COMBINATIONS: list[tuple[tuple[str, ...], str]] = [
    *((("cancer_history", nerve), "emergency") for nerve in NEURO),  # limbs: already 999
    *((("trauma", bone), "urgent") for bone in BONE),
    *(((sign, item), "urgent") for sign in CHECK for item in HISTORY),
]


def expected(ids: set[str]) -> str:
    """Issue 10's rules, written independently of the module."""
    tiers = [ALONE[i] for i in ids]
    for combo, outcome in COMBINATIONS:
        if set(combo) <= ids:
            tiers.append(outcome)
    return max(tiers, key=RANK.__getitem__, default="clear")


def test_catalogue_has_exactly_the_issue_ids_in_their_groups() -> None:
    assert sorted(redflags.ALL_IDS) == sorted(EVERY)
    assert len(set(redflags.ALL_IDS)) == len(redflags.ALL_IDS) == len(EVERY) == 37
    assert set(EMERGENCY) == redflags.EMERGENCY_IDS
    assert set(URGENT) == redflags.URGENT_IDS
    assert set(CHECK) == redflags.CHECK_IDS
    assert set(HISTORY) == redflags.HISTORY_IDS
    assert set(PROGRESS) == redflags.PROGRESS_IDS
    assert set(NERVE) == redflags.NERVE_IDS
    assert set(CANCER_PAIN) == redflags.CANCER_URGENT_IDS
    # Emergency signs come first, so the walk-through asks them first.
    assert set(redflags.ALL_IDS[: len(EMERGENCY)]) == set(EMERGENCY)
    assert {s.id: s.alone for s in redflags.SIGNS} == ALONE


# Each part of the issue's meaning that a question must still ask about (nothing left out,
# nothing narrowed). Words are matched case-insensitively in the question.
MEANING = {
    "ces_bladder_bowel": (
        "newly",
        "start passing urine",
        "hold it",
        "bowels",
        "leaked",
        "feel urine or stool",
        "bladder is full",
    ),
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
    "limbs_weak_numb": ("both arms", "both legs", "arms and legs", "weak", "numb", "tingly"),
    "chest_pain": ("chest pain", "back pain"),
    "major_trauma": ("serious accident", "road accident", "height", "heavy blow"),
    "trauma": ("fall", "accident", "injury", "checked"),
    "severe_stiffness": ("movement", "lower back", "legs", "limited"),
    "leg_pain_below_knee": ("leg", "knee", "suddenly", "getting worse"),
    "balance_walking": ("balance", "walk", "for example", "trip", "fall"),
    "foot_drop": ("foot", "both", "flop", "very weak", "walk"),
    "coordination": ("arms", "legs", "write", "dressed", "walk"),
    "trunk_band": ("pain", "numbness", "odd feeling", "band", "chest"),
    "upper_back": ("between your shoulder blades", "low in your back"),
    "worse_straining": ("much worse", "cough", "sneeze", "strain on the toilet"),
    "other_joints": ("other joints", "painful", "stiff", "started"),
    "fever_unwell": ("fever", "ill", "started"),
    "lumps": ("lump", "swelling", "cannot explain", "new", "changing", "bigger", "shape"),
    "constant_pain": ("all the time", "rest", "move"),
    "night_pain": ("worse at night", "not eased by rest", "lie flat"),
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
    "not_improving": ("no better", "six weeks", "everyday things"),
    "not_coping": ("worried", "cope"),
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


# --- the table: every ID alone, every combination that changes the outcome ----------------


@pytest.mark.parametrize(("sign_id", "outcome"), sorted(ALONE.items()))
def test_each_id_alone(sign_id: str, outcome: str) -> None:
    assert redflags.evaluate([sign_id]) == outcome


@pytest.mark.parametrize(("ids", "outcome"), COMBINATIONS, ids=lambda v: str(v))
def test_each_combination_that_changes_the_outcome(ids: tuple[str, ...], outcome: str) -> None:
    assert RANK[outcome] > max(RANK[ALONE[i]] for i in ids), "the combination raises it"
    assert redflags.evaluate(ids) == outcome


def test_every_pair_follows_the_table() -> None:
    wrong = [
        (pair, redflags.evaluate(pair), expected(set(pair)))
        for pair in itertools.combinations(EVERY, 2)
        if redflags.evaluate(pair) != expected(set(pair))
    ]
    assert not wrong


def test_nothing_is_clear_and_nothing_with_cancer_history_is_clear_or_routine() -> None:
    assert redflags.evaluate([]) == "clear"
    for other in EVERY:
        assert RANK[redflags.evaluate(["cancer_history", other])] >= RANK["see_professional"]


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
    assert result.advice[0] == redflags.ADVICE[result.outcome][0]
    assert result.reasons


def test_unknown_id_is_invalid_and_lists_the_valid_ones() -> None:
    with pytest.raises(InvalidInput) as caught:
        redflags.evaluate(["trauma", "back_ache"])
    assert caught.value.field == "--present"
    assert "'back_ache'" in caught.value.message
    for sign_id in EVERY:
        assert sign_id in caught.value.message


def _text(outcome: str) -> str:
    return " ".join(redflags.ADVICE[outcome])  # type: ignore[index]


def test_advice_names_the_right_services() -> None:
    assert _text("emergency").startswith("EMERGENCY:")
    assert all(w in _text("emergency") for w in ("999", "A&E", "112"))
    assert _text("urgent").startswith("URGENT:")
    assert all(w in _text("urgent") for w in ("GP", "today", "NHS 111", "NHS 24", "Scotland"))
    assert "A&E" in _text("urgent") and "999" in _text("urgent")
    assert _text("see_professional").startswith("GET IT CHECKED:")
    assert "GP or physiotherapist" in _text("see_professional")
    assert _text("routine").startswith("ROUTINE:")
    assert "next GP or physiotherapy appointment" in _text("routine")
    assert "does not stop your programme" in _text("routine")
    assert _text("clear").startswith("CLEAR:")
    assert "999" not in _text("clear") and "999" not in _text("routine")
    for outcome in RANK:
        assert "bed rest" not in _text(outcome).lower()
        assert redflags.HEADLINES[outcome].split(":")[0] == _text(outcome).split(":")[0]  # type: ignore[index]


def test_history_alone_is_routine_with_a_note_to_mention_it() -> None:
    result = redflags.build_result(DAY, ["osteoporosis"])
    assert result.outcome == "routine"
    # The note is part of the advice (so --json carries it too), before the safety net.
    note = result.advice[-2]
    assert "GP or physiotherapist" in note and "osteoporosis" in note
    assert result.advice[-1] == redflags.SAFETY_NET
    assert not any("history" in line for line in redflags.build_result(DAY, []).advice)


def test_get_it_checked_never_claims_it_is_not_an_emergency() -> None:
    text = _text("see_professional").lower()
    assert "not an emergency" not in text
    assert "999" in text and "nhs 111" in text


@pytest.mark.parametrize("pain", CANCER_PAIN)
def test_cancer_with_a_named_pain_pattern_names_the_cancer_team(pain: str) -> None:
    advice = " ".join(redflags.build_result(DAY, ["cancer_history", pain]).advice)
    assert advice.startswith("URGENT:")
    assert "acute oncology" in advice and "GP today" in advice


def test_cancer_history_alone_is_get_it_checked_and_never_clear() -> None:
    result = redflags.build_result(DAY, ["cancer_history"])
    assert result.outcome == "see_professional"
    advice = " ".join(result.advice)
    assert "cancer team" in advice and "CLEAR" not in advice
    assert "no action" not in advice.lower()


@pytest.mark.parametrize("nerve", NERVE)
def test_cancer_with_a_nerve_sign_is_an_emergency_about_the_spinal_cord(nerve: str) -> None:
    result = redflags.build_result(DAY, ["cancer_history", nerve])
    assert result.outcome == "emergency"
    assert "spinal cord" in " ".join(result.reasons)
    # NICE NG234: the cancer history must reach the people who see them, and the cancer
    # team (acute oncology) must hear of it; 999 or A&E stays first.
    assert result.advice[0].startswith("EMERGENCY:")
    assert redflags.CANCER_EMERGENCY in result.advice
    assert redflags.CANCER_EMERGENCY not in redflags.build_result(DAY, [nerve]).advice


@pytest.mark.parametrize(
    "ids", [["not_coping"], ["not_coping", "ces_both_legs"], ["not_coping", "lumps"]]
)
def test_not_coping_always_carries_the_crisis_line_near_the_top(ids: list[str]) -> None:
    advice = redflags.build_result(DAY, ids).advice
    assert advice[1] == redflags.CRISIS_LINE
    assert "Samaritans" in advice[1] and "116 123" in advice[1] and "999" in advice[1]
    assert "backskills learn mood-and-help" in " ".join(advice)
    assert redflags.CRISIS_LINE not in redflags.build_result(DAY, ["not_improving"]).advice


def test_not_improving_is_routine_and_suggests_an_appointment() -> None:
    result = redflags.build_result(DAY, ["not_improving"])
    assert result.outcome == "routine"
    assert redflags.NOT_IMPROVING in result.advice


def test_reasons_give_the_rule_that_decided() -> None:
    injury = " ".join(redflags.build_result(DAY, ["trauma", "steroids_long_term"]).reasons)
    assert "broken bone" in injury
    weighty = " ".join(redflags.build_result(DAY, ["night_sweats", "recent_infection"]).reasons)
    assert "health history" in weighty
    ces = " ".join(redflags.build_result(DAY, ["ces_both_legs"]).reasons)
    assert "cauda equina" in ces
    # Only the rules that decided the outcome: no "today" under an emergency.
    both = redflags.build_result(DAY, ["ces_both_legs", "lumps"]).reasons
    assert not any("today" in line for line in both)


def _journal_with(*checks: list[str]) -> Journal:
    journal = Journal()
    for number, ids in enumerate(checks):
        redflags.record_check(journal, ids, DAY + dt.timedelta(days=number))
    return journal


def test_record_check_stores_what_was_evaluated_and_the_rules() -> None:
    journal = _journal_with(["trauma", "osteoporosis", "trauma"])
    (check,) = journal.redflag_checks
    assert (check.checked_on, check.outcome) == (DAY, "urgent")
    assert (check.present, check.history) == (["trauma"], ["osteoporosis"])
    assert check.rules == RULES_VERSION == 2
    assert redflags.result_of(check).outcome == "urgent"


def test_a_stored_check_keeps_the_outcome_it_got_on_the_day() -> None:
    old = RedFlagCheck(
        checked_on=DAY, outcome="clear", present=[], history=["cancer_history"], rules=1
    )
    result = redflags.result_of(old)
    assert result.outcome == "clear" and result.rules == 1
    assert redflags.rejudged(old) == "see_professional"
    same = RedFlagCheck(checked_on=DAY, outcome="urgent", present=["lumps"], rules=1)
    assert redflags.rejudged(same) is None
    unknown = RedFlagCheck(checked_on=DAY, outcome="clear", history=["cancer"], rules=1)
    assert redflags.rejudged(unknown) is None
    assert redflags.label("cancer") == "cancer"


@pytest.mark.parametrize("ids", [["ces_both_legs"], ["foot_drop"], ["lumps"], ["trauma"]])
def test_not_clear_blocks_until_assessed(ids: list[str]) -> None:
    journal = _journal_with(ids)
    with pytest.raises(Refused):
        require_exercise_allowed(journal)
    redflags.record_assessment(journal, DAY, "seen by GP")
    require_exercise_allowed(journal)
    assert journal.assessments[0].check == 0


@pytest.mark.parametrize("sign_id", EVERY)
def test_gating_follows_the_tier(sign_id: str) -> None:
    gates = RANK[ALONE[sign_id]] >= RANK["see_professional"]
    assert (exercise_block_reason(_journal_with([sign_id])) is not None) == gates


def test_a_later_clear_or_routine_check_unblocks_and_a_later_red_flag_blocks_again() -> None:
    require_exercise_allowed(_journal_with(["lumps"], []))
    require_exercise_allowed(_journal_with(["lumps"], ["not_improving"]))
    journal = _journal_with(["lumps"], [], ["fever_unwell"])
    assert exercise_block_reason(journal) is not None
    # An assessment of an older check does not cover a newer one.
    journal = _journal_with(["lumps"])
    redflags.record_assessment(journal, DAY)
    redflags.record_check(journal, ["trunk_band"], DAY)
    with pytest.raises(Refused):
        require_exercise_allowed(journal)


def test_routine_history_does_not_block() -> None:
    require_exercise_allowed(_journal_with(["osteoporosis", "iv_drug_use", "not_coping"]))


def test_assessment_refusals() -> None:
    with pytest.raises(Refused, match="no red-flag check"):
        redflags.record_assessment(Journal(), DAY)
    with pytest.raises(Refused, match="clear"):
        redflags.record_assessment(_journal_with([]), DAY)
    with pytest.raises(Refused, match="routine"):
        redflags.record_assessment(_journal_with(["osteoporosis"]), DAY)
    journal = _journal_with(["lumps"])
    with pytest.raises(InvalidInput):
        redflags.record_assessment(journal, DAY, on=DAY - dt.timedelta(days=1))
    redflags.record_assessment(journal, DAY)
    with pytest.raises(Refused, match="already recorded"):
        redflags.record_assessment(journal, DAY)
    assert len(journal.assessments) == 1


def test_history_rows_carry_their_assessment_signs_in_words_and_advice() -> None:
    journal = _journal_with(["lumps"], ["trauma"])
    redflags.record_assessment(journal, DAY + dt.timedelta(days=2), "physio")
    rows = redflags.history(journal)
    assert [r.number for r in rows] == [1, 2]
    assert rows[0].assessment is None
    assert rows[0].signs == [redflags.sign("lumps").label]
    assert rows[0].advice.startswith("URGENT:")
    document = rows[1].to_json()
    assert document["assessed"] == {"date": "2026-03-03", "note": "physio"}
    assert document["signs"] == [{"id": "trauma", "label": redflags.sign("trauma").label}]
    assert document["rules"] == RULES_VERSION


def test_today_notice_reminder_banner_note_and_ok() -> None:
    reminder = redflags.today_notice(Journal(), DAY)
    assert reminder.kind == "reminder"
    assert len(reminder.lines) == 1 and "backskills redflags" in reminder.lines[0]

    ok = redflags.today_notice(_journal_with([]), DAY)
    assert ok.kind == "ok" and ok.empty and ok.age_days == 0 and not ok.stale
    note = redflags.today_notice(_journal_with(["osteoporosis"]), DAY)
    assert note.kind == "note" and not note.blocks_exercise
    assert "next GP or physiotherapy appointment" in note.lines[0]
    coping = redflags.today_notice(_journal_with(["not_coping"]), DAY)
    assert redflags.CRISIS_LINE in coping.lines

    journal = _journal_with(["ces_saddle_numbness"])
    banner = redflags.today_notice(journal, DAY)
    assert banner.kind == "banner" and banner.blocks_exercise
    joined = " ".join(banner.lines)
    assert "EMERGENCY" in joined and "999" in joined and "A&E" in joined

    redflags.record_assessment(journal, DAY)
    assessed = redflags.today_notice(journal, DAY)
    assert assessed.kind == "banner"
    assert not assessed.blocks_exercise and assessed.assessed_on == DAY
    assert assessed.to_json()["outcome"] == "emergency"


@pytest.mark.parametrize(("age", "stale"), [(0, False), (42, False), (43, True), (400, True)])
def test_a_check_goes_stale_after_six_weeks(age: int, stale: bool) -> None:
    for ids in ([], ["osteoporosis"], ["lumps"]):
        notice = redflags.today_notice(_journal_with(ids), DAY + dt.timedelta(days=age))
        assert notice.age_days == age and notice.stale is stale
        assert any("fresh one" in line for line in notice.reminders) is stale
    assert (
        "6 weeks and 1 day ago"
        in redflags.today_notice(_journal_with([]), DAY + dt.timedelta(days=43)).reminders[0]
    )


def test_today_asks_for_a_new_check_when_the_table_now_rates_it_higher() -> None:
    journal = Journal(
        redflag_checks=[
            RedFlagCheck(checked_on=DAY, outcome="clear", history=["cancer_history"], rules=1)
        ]
    )
    notice = redflags.today_notice(journal, DAY)
    assert notice.kind == "ok" and not notice.blocks_exercise  # a reminder, not a gate
    assert notice.rejudged == "see_professional"
    assert "GET IT CHECKED" in notice.reminders[0] and "check again" in notice.reminders[0]
