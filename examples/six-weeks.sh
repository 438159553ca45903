#!/bin/bash
# Six weeks of a new patient, typed as real commands: the journal behind the README's
# "Looking back" tour. Run it on an empty data folder, never on your own journal:
#   BACKSKILLS_DATA_DIR=$(mktemp -d) examples/six-weeks.sh
# then, for example: BACKSKILLS_TODAY=2026-04-13 backskills history walking
set -e
if [ -z "$BACKSKILLS_DATA_DIR" ] || [ -e "$BACKSKILLS_DATA_DIR/journal.json" ]; then
    echo "Set BACKSKILLS_DATA_DIR to an empty folder first (this writes a made-up journal)." >&2
    exit 2
fi
export NO_COLOR=1
b() { BACKSKILLS_TODAY=$1 backskills "${@:2}" >/dev/null 2>&1 || { echo "FAILED: $*"; BACKSKILLS_TODAY=$1 backskills "${@:2}"; exit 1; }; }
b 2026-03-02 baseline log walking 10 --felt easy
b 2026-03-03 baseline log walking 11 --felt hard
b 2026-03-04 baseline log walking 9
b 2026-03-05 plan set walking --target 15 --by 2026-05-31
b 2026-03-05 redflags --none
b 2026-03-05 goal add "Walk to the post office and back" --target 15 --unit minutes --why "I can post my own letters" --reward "coffee at the cafe" --by 2026-05-31 --category leisure
b 2026-03-06 goal add "Sit through a film at the cinema" --why "films with my daughter" --reward "popcorn" --target 2 --unit hours --by 2026-04-30 --category leisure --step "a short film at home" --step "a matinee"
# week 1 at 8 minutes: pain 5, 4 ...
for d in 05:5 06:5 07:4 09:5 10:4 11:4; do b 2026-03-${d%:*} log walking 8 --pain ${d#*:}; done
b 2026-03-12 progress step-up walking
for d in 12:4 13:4 14:5 16:4 17:4 18:3; do b 2026-03-${d%:*} log walking 9 --pain ${d#*:}; done
b 2026-03-19 progress step-up walking
for d in 19:4 20:3 21:4 22:4 23:3 24:3 25:4; do b 2026-03-${d%:*} log walking 10 --pain ${d#*:}; done
b 2026-03-26 progress step-up walking
b 2026-03-26 log walking 11 --pain 4
b 2026-03-27 log walking 11 --pain 4
b 2026-03-28 flareup start --pain 7 --reduce previous
b 2026-03-28 log walking 5
b 2026-03-29 log walking 6 --pain 6
b 2026-03-30 log walking 7 --pain 5
b 2026-03-29 relax log 10
b 2026-03-30 relax log 10
b 2026-03-30 thoughts add --situation "Back went after gardening" --thought "I will never get better" --kind catastrophising --alternative "Flare-ups settle; I have a plan"
b 2026-03-31 flareup end --trigger "gardening all afternoon" --learned "heat and short walks"
for d in 03-31:4 04-01:4 04-02:3 04-03:3 04-04:3; do b 2026-${d%:*} log walking 10 --pain ${d#*:}; done
b 2026-04-04 progress step-up walking
for d in 04-05:3 04-06:3 04-07:2 04-08:3 04-09:3 04-10:3; do b 2026-${d%:*} log walking 11 --pain ${d#*:}; done
b 2026-04-07 relax log 15
b 2026-04-09 goal step done 2 1
b 2026-04-11 goal step done 2 2
b 2026-04-11 goal done 2
b 2026-04-11 progress step-up walking
b 2026-04-11 log walking 12 --pain 3
b 2026-04-12 log walking 12 --pain 2
b 2026-04-13 log walking 12 --pain 3
echo "Six weeks written to $BACKSKILLS_DATA_DIR"
