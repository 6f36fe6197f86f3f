#!/bin/sh
# Briefs each cluster folder under DIR (as scripts/dev_folders.py writes them) with BINARY, one process a
# cluster, output thrown away: the whole-process cost of briefing clusters one by one. For an A/B timing:
#   farm-bench -n 5 --timeout 600 --vs 'scripts/brief_each.sh OLD_BINARY DIR' -- scripts/brief_each.sh NEW_BINARY DIR
# Usage: scripts/brief_each.sh BINARY DIR
[ $# -eq 2 ] || { echo "usage: $0 BINARY DIR" >&2; exit 2; }
for d in "$2"/*/; do "$1" brief "$d" --format json >/dev/null 2>&1; done
