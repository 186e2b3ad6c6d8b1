#!/usr/bin/env python3
"""List the distinct names an extraction found, per category, for a person to read.

usage: scripts/list-names.py PRED_DIR [--category C] [--sample N] [--seed S]

PRED_DIR holds `plankg extract --out-dir` output (one JSON file per input). For each
category (policies, units, organizations, schools, initiatives, targets' indicators)
it prints how many distinct names were found in how many files and a seeded random
sample of them (all of them with --sample 0 --all), each with the files it came
from. It judges nothing: read the sample and count the names a researcher would
reject; the closing notes of the recogniser work give such counts per category.
"""
import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

CATEGORIES = ("policies", "units", "organizations", "schools", "initiatives", "targets")


def name_of(category, entry):
    return entry.get("indicator") if category == "targets" else entry.get("name")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred_dir")
    ap.add_argument("--category", choices=CATEGORIES)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    found = {c: defaultdict(set) for c in CATEGORIES}
    for path in sorted(Path(args.pred_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            print(f"skipped {path}: {err}")
            continue
        for doc in data.get("documents", []):
            for category in CATEGORIES:
                for entry in doc.get(category, []):
                    name = name_of(category, entry)
                    if name:
                        found[category][name].add(path.stem)
    for category in [args.category] if args.category else CATEGORIES:
        names = found[category]
        files = set().union(*names.values()) if names else set()
        print(f"\n{category}: {len(names)} distinct names in {len(files)} files")
        chosen = sorted(names)
        if not args.all:
            chosen = sorted(random.Random(args.seed).sample(chosen, min(args.sample, len(chosen))))
        for name in chosen:
            where = sorted(names[name])
            more = f" +{len(where) - 1}" if len(where) > 1 else ""
            print(f"  {name}    [{where[0]}{more}]")


if __name__ == "__main__":
    main()
