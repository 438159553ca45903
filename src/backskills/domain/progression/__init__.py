"""Stepwise progression: the staircase to a target, the level in force, and reviews.

One module a concept; import the one you need (this file imports none of them, so a
command loads only what it uses):

- ``staircase``: how long each level is held and the steps from a start to a target;
- ``levels``: the level in force on a day and recording a change of level;
- ``met_days``: the amount done each day and "met on most days" (the review window);
- ``projection``: a plan projected from today (``PlanView``) and why it looks that way;
- ``planning``: choosing the starting level and setting or replacing a plan;
- ``review``: the review of each plan (step up, hold, ease back, at target, paused);
- ``changes``: accepting a step up or one of the three ease-back choices.

The staircase is only a projection. The real level changes only through ``LevelEvent``s
(plan start, step up, ease back, flare-up reduction) in ``Activity.levels``.
"""
