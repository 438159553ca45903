"""Pacing: everyday activities with a tolerance level, tasks, day plans and reviews.

The method has four parts: prioritise (tasks in priority and deadline order), plan (split
each task into spells no longer than the tolerance, rest after each, spread the harder
activities and alternate positions), tolerance level (the middle ground between a good day
and a bad day), and evaluate (look back over several days and suggest a small change).

All amounts are handled as whole numbers of the unit's resolution step (see
``backskills.domain.units``), so the spells of a task always add up exactly to what remains.

One module a concept; import the one you need (this file imports none of them):

- ``amounts``: amounts as whole resolution steps, and how an amount reads;
- ``tolerance``: the tolerance (the middle of a good and a bad day) and bad-day spells;
- ``activities``: adding, changing and removing pacing activities;
- ``tasks``: tasks, what is left of them, and their priority order;
- ``spell_log``: logging a spell (and counting it towards its task);
- ``plan``: the plan's result types (spells, days, warnings);
- ``spells``: splitting a task into spells and ordering a day's spells;
- ``plan_notes``: deadline warnings and the plan's explanation;
- ``planner``: laying out the next days (and today's spells for the home screen);
- ``review``: looking back over recent days and suggesting a small change.

What the patient types (amounts, rest, position, priority) is checked in
``backskills.domain.validate``, how a spell felt in ``backskills.domain.felt``; the
``--json`` of activities, tasks and spells is shaped in ``backskills.render.pacing``.
"""
