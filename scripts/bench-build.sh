#!/usr/bin/env bash
# Build speed: a fresh `plankg build` of about N documents (default 5000) made from
# data/plans with their years shifted and their places changed, with 1 and 2
# threads, peak memory from /usr/bin/time -v; then oxigraph's own bulk loader on the
# same N-Quads (through `plankg`'s dump and pyoxigraph) for comparison.
# Usage: scripts/bench-build.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh time
cargo build --quiet --bin plankg
plankg="$CARGO_TARGET_DIR/debug/plankg"
want="${1:-5000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$want" "$work/plans" <<'PY'
import pathlib, re, sys
want, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True)
plans = sorted(pathlib.Path("data/plans").iterdir())
places = [l.split("\t")[0] for l in pathlib.Path("data/gazetteer/places.tsv").read_text().splitlines()
          if l and not l.startswith("#") and l.split("\t")[2:3] == ["city"]]
per_file = 12 / len(plans)  # the sample files hold 12 documents
copies = int(want / 12) + 1
for copy in range(copies):
    for plan in plans:
        text = plan.read_text()
        text = re.sub(r"(20[0-2]\d)年", lambda m: f"{int(m.group(1)) - copy % 15}年", text)
        for home in ("连云港市", "嘉兴市", "石河子市"):
            text = text.replace(home, places[(copy * 7 + len(home)) % len(places)])
        (out / f"{copy:05d}_{plan.name}").write_text(text)
PY
echo "plans: $(ls "$work/plans" | wc -l) files"
for jobs in 1 2; do
  rm -rf "$work/store"
  /usr/bin/time -v "$plankg" build "$work/plans" --store "$work/store" --jobs "$jobs" 2> "$work/time.txt" >/dev/null || true
  grep -E "documents|triples|added" "$work/time.txt" | head -4
  grep -E "Elapsed|Maximum resident" "$work/time.txt"
done
"$plankg" dump --quiet --store "$work/store" --format nquads --out "$work/all.nq"
python3 -m pip install --quiet pyoxigraph
/usr/bin/time -v python3 -c "import pyoxigraph,sys; s=pyoxigraph.Store(sys.argv[2]); s.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_QUADS); print(len(s), 'quads')" \
  "$work/all.nq" "$work/bulk" 2> "$work/time.txt"
grep -E "Elapsed|Maximum resident" "$work/time.txt"
