"""SMART goals: add, edit, steps, done, drop and review, with advice instead of silence.

A goal is SMART: Specific (the title), Measurable (a target and its unit), Applicable
(why it matters), Rewarding (the reward) and Timed (a deadline after today). Two or three
active goals at a time work best; each is broken into small steps; a goal that is not met
is reviewed (smaller steps, a new deadline, a fresh baseline), never just failed.

One module a concept; import the one you need (this file imports none of them):

- ``smart``: the five SMART parts, what a draft lacks, the target and deadline checks;
- ``advice``: warnings and hints (deadline too far or too near, vague title, duplicates,
  too many goals), returned as data for the CLI to show;
- ``finding``: finding goals (active ones, by id, tied to an activity) and new ids;
- ``plan_tie``: tying a goal to an activity's progression plan;
- ``editing``: adding and editing a goal;
- ``steps``: adding, ticking off and unticking steps;
- ``ending``: marking a goal achieved (with ideas for the next one) or dropping it;
- ``review``: reviewing a goal that is not going to plan;
- ``today_view``: days left and the goals ``backskills today`` shows.

What the patient types (titles, categories, review choices, units) is checked in
``backskills.domain.validate``; the ``--json`` of a goal is shaped in
``backskills.render.goals``.
"""
