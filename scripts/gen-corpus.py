#!/usr/bin/env python3
"""A seeded generated corpus of plan files for scale benchmarks.

Usage: scripts/gen-corpus.py N OUT_DIR [--seed S] [--years Y]

Writes N single-document plan files into OUT_DIR. The documents come in series of Y
consecutive years (default 8), one series per generated issuer: a document of
data/plans (cut out of its file by `plankg extract`'s document spans; $PLANKG names
the binary) is moved to a place of data/gazetteer/places.tsv (its home place names
replaced, a title line naming the place's education bureau and the year put first)
and to the series' first year, and each following year is made from the year
before the way real plans change: the sentences of every paragraph are
shuffled, 10 % of the sentences dropped, 20 % edited (a phrase replaced, words
swapped), new sentences added from other plans, and numbers changed. Plain copies
would make every bucket of near-duplicates grow quadratically; these documents
really differ, so the continuity step is measured on realistic work.
"""

import argparse
import json
import os
import pathlib
import random
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)")


def load_places():
    """(name, short name) pairs of cities and districts."""
    places = []
    for line in (ROOT / "data/gazetteer/places.tsv").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        name, short, level, *_ = line.split("\t")
        if level in ("city", "district"):
            places.append((name, short))
    return places


def sample_documents():
    """The documents of data/plans, each cut out of its file."""
    default = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "debug/plankg"
    plankg = os.environ.get("PLANKG", str(default))
    out = subprocess.run(
        [plankg, "extract", "--quiet", "--format", "jsonl", str(ROOT / "data/plans")],
        check=True, capture_output=True, text=True,
    ).stdout
    documents = []
    for line in out.splitlines():
        record = json.loads(line)
        text = (ROOT / "data/plans" / record["source"]).read_text()
        for document in record["documents"]:
            span = document["span"]
            documents.append(text[span["start"]:span["end"]])
    return documents


def split_sentences(paragraph):
    return [s for s in re.findall(r"[^。；]*[。；]?", paragraph) if s]


def phrases_of(texts):
    """Short runs of Chinese characters to splice into edited sentences."""
    out = set()
    for text in texts:
        for run in re.findall(r"[\u4e00-\u9fff]{4,12}", text):
            out.add(run)
    return sorted(out)


def edit(sentence, rng, phrases):
    runs = list(re.finditer(r"[\u4e00-\u9fff]{4,}", sentence))
    if not runs:
        return sentence
    run = rng.choice(runs)
    start = rng.randrange(run.start(), run.end() - 3)
    length = rng.randint(2, 4)
    return sentence[:start] + rng.choice(phrases)[:length] + sentence[start + length:]


def change_numbers(sentence, rng):
    def repl(m):
        value = int(m.group(0))
        if 1900 <= value <= 2100:  # a year: the series changes years as a whole
            return m.group(0)
        return str(max(1, value + rng.randint(-value // 3 - 1, value // 3 + 1)))

    return re.sub(r"\d+", repl, sentence)


def next_year(text, rng, pool, phrases):
    """The plan of the following year, made from this year's."""
    paragraphs = text.split("\n")
    out = []
    for paragraph in paragraphs:
        sentences = split_sentences(paragraph)
        if len(sentences) <= 1:
            out.append(paragraph)
            continue
        # The first sentence carries the paragraph's number or heading: keep it first.
        head, rest = sentences[0], sentences[1:]
        rng.shuffle(rest)
        kept = [head]
        for sentence in rest:
            roll = rng.random()
            if roll < 0.10:
                continue
            if roll < 0.30:
                sentence = edit(sentence, rng, phrases)
            if rng.random() < 0.3:
                sentence = change_numbers(sentence, rng)
            kept.append(sentence)
            if rng.random() < 0.05:
                kept.append(rng.choice(pool))
        out.append("".join(kept))
    return "\n".join(out)


def shift_years(text, shift):
    return YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)


def move(text, first_year, places, place):
    """Moves a sample document to `place` and makes `first_year` its plan year."""
    years = [int(y) for y in YEAR.findall(text)]
    base = max(set(years), key=years.count) if years else first_year
    text = shift_years(text, first_year - base)
    for name, short in places:
        if len(name) >= 3 and name in text:
            text = text.replace(name, place[0])
        if len(short) >= 2 and short in text:
            text = text.replace(short, place[1])
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--years", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    places = load_places()
    samples = sample_documents()
    pool = [s for text in samples for p in text.split("\n") for s in split_sentences(p) if len(s) > 20]
    phrases = phrases_of(samples)
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    series = 0
    while written < args.n:
        which = rng.randrange(len(samples))
        place = rng.choice(places)
        first = rng.randint(2005, 2024 - args.years)
        text = move(samples[which], first, places, place)
        for year in range(first, first + args.years):
            if written >= args.n:
                break
            name = f"{series:05d}_{year}_{written:06d}.txt"
            title = f"{place[0]}教育局{year}年工作计划\n\n"
            (args.out / name).write_text(title + text)
            written += 1
            text = shift_years(next_year(text, rng, pool, phrases), 1)
        series += 1


if __name__ == "__main__":
    main()
