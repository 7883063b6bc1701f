#!/bin/sh
# check-css.sh: fails when a stylesheet's braces do not balance (an unclosed @media block silently swallows every later rule).
set -eu
cd "$(dirname "$0")/.."
python3 - assets/*.css <<'PY'
import re, sys
bad = 0
for path in sys.argv[1:]:
    text = re.sub(r"/\*.*?\*/", "", open(path, encoding="utf-8").read(), flags=re.S)
    depth, line = 0, 1
    for ch in text:
        if ch == "\n":
            line += 1
        elif ch == "{":
            depth += 1
            if depth > 2:
                print(f"{path}:{line}: braces nested deeper than @media {{ rule {{ }} }}")
                bad = 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                print(f"{path}:{line}: closing brace without an opening one")
                bad = 1
                depth = 0
    if depth:
        print(f"{path}: {depth} block(s) never closed")
        bad = 1
    print(f"{path}: braces balanced" if not bad else f"{path}: broken")
sys.exit(bad)
PY
