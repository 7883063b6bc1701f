#!/usr/bin/env python3
# Normalises a krisenfest JSON export for the golden file test: bookkeeping
# times and the stamp's made_at/hash become "*", calendar dates become their
# distance from today ("today+30"), because the demo company's dates lie
# relative to the day it was made.
# With --ids (the re-import round trip) every id becomes the item's place in
# its section ("contacts#3"), every reference the place it points to, and
# the versions and the organisation's name "*": an import gives new ids and
# new versions, and nothing else may differ.
import datetime
import json
import re
import sys

IDS = "--ids" in sys.argv
ARGS = [a for a in sys.argv if a != "--ids"]
TODAY = datetime.date.today() if len(ARGS) < 3 else datetime.date.fromisoformat(ARGS[2])
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


# which section a reference field points into
REFS = [
    (re.compile(r"(contact_id|contact_ids|participant_ids|observer_ids)$"), "contacts"),
    (re.compile(r"role_ids?$"), "roles"),
    (re.compile(r"(system_ids?|depends_on_ids)$"), "systems"),
    (re.compile(r"process_ids?$"), "processes"),
    (re.compile(r"risk_id$"), "risks"),
    (re.compile(r"backup_id$"), "backups"),
    (re.compile(r"exercise_id$"), "exercises"),
]


def places(sections):
    """{(section, id): "section#place"} for every item of every list section."""
    out = {}
    for name, items in sections.items():
        if isinstance(items, list):
            for i, item in enumerate(items):
                out[(name, item.get("id"))] = "%s#%d" % (name, i)
    return out


def relabel(v, where, key=None, section=None):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k == "id" and section is not None:
                out[k] = where.get((section, x), x)
            elif k == "version":
                out[k] = "*"
            elif k == "category" and isinstance(x, str) and x.startswith("custom:"):
                out[k] = "custom:*"  # an own category: its name travels in category_name
            else:
                out[k] = relabel(x, where, k)
        return out
    if isinstance(v, list):
        return [relabel(x, where, key, section) for x in v]
    if key and isinstance(v, int) and not isinstance(v, bool) and v:
        for rx, target in REFS:
            if rx.search(key):
                return where.get((target, v), "%s?%d" % (target, v))
    return v


with open(ARGS[1], encoding="utf-8") as f:
    doc = json.load(f)
if IDS:
    secs = doc.get("sections", {})
    where = places(secs)
    doc["sections"] = {name: (relabel(items, where, None, name) if isinstance(items, list) else relabel(items, where))
                       for name, items in secs.items()}
    for single in doc["sections"].values():  # alarm_plan, review, ...: one item, any id
        if isinstance(single, dict) and single.get("id") is not None:
            single["id"] = "*"
    doc.get("organisation", {})["name"] = "*"
json.dump(walk(doc), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
sys.stdout.write("\n")
