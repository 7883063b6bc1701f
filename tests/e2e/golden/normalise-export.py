#!/usr/bin/env python3
# Normalises a krisenfest JSON export for the golden file test: bookkeeping
# times and the stamp's made_at/hash become "*", calendar dates become their
# distance from today ("today+30"), because the demo company's dates lie
# relative to the day it was made.
import datetime
import json
import re
import sys

TODAY = datetime.date.today() if len(sys.argv) < 3 else datetime.date.fromisoformat(sys.argv[2])
DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})$")
STAMP_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
VOLATILE = {"created_at", "updated_at", "made_at", "hash"}


def walk(v, key=None):
    if isinstance(v, dict):
        return {k: ("*" if k in VOLATILE and v[k] is not None else walk(x, k)) for k, x in v.items()}
    if isinstance(v, list):
        return [walk(x) for x in v]
    if isinstance(v, str):
        if STAMP_TIME.match(v):
            return "*"
        m = DATE.match(v)
        if m:
            d = (datetime.date.fromisoformat(m.group(1)) - TODAY).days
            return "today%+d" % d
    return v


with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
json.dump(walk(doc), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
sys.stdout.write("\n")
