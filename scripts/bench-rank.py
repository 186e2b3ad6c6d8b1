#!/usr/bin/env python3
"""networkx's PageRank on a GraphML export of plankg, next to `plankg rank`.

Usage: scripts/bench-rank.py GRAPHML PLANKG_JSON [--runs 3] [--tol 1e-6 --tol 1e-12]

PLANKG_JSON is the output of `plankg rank --view V --measure pagerank --type all
--top 20 --format json` on the view the GraphML was exported from, or - to time
networkx alone. Each run is its
own Python process (nothing cached between runs) that times `nx.read_graphml`
and `nx.pagerank(G, weight="weight", tol=T)` for every T separately with
time.perf_counter. Prints one JSON object: the median times over the runs, peak
memory of the slowest run, node and edge counts, and how networkx's ranking agrees
with plankg's (top 10 equal as lists and as sets, max |delta| over plankg's top N,
measured against the smallest tolerance).
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time


def one_run(graphml, tols):
    import networkx as nx
    import scipy.sparse  # noqa: F401  (imported here, not inside the first timed pagerank)

    t0 = time.perf_counter()
    g = nx.read_graphml(graphml)
    read = time.perf_counter() - t0
    out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "read_s": read,
           "directed": g.is_directed(), "multigraph": g.is_multigraph(), "pagerank_s": {}}
    iri = nx.get_node_attributes(g, "iri")
    scores = {}
    for tol in tols:
        t0 = time.perf_counter()
        pr = nx.pagerank(g, weight="weight", tol=tol)
        out["pagerank_s"][repr(tol)] = time.perf_counter() - t0
        scores[repr(tol)] = {iri.get(n, n): s for n, s in pr.items()}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["scores"] = scores[repr(min(tols))]
    return out


def agreement(plankg_rows, scores, top=10):
    ours = [r["iri"] for r in plankg_rows]
    theirs = sorted(scores, key=lambda n: -scores[n])
    delta = max(abs(r["score"] - scores.get(r["iri"], float("nan"))) for r in plankg_rows)
    # Ties: a node of networkx's top 10 with the same score as plankg's 10th counts.
    tenth = scores.get(ours[top - 1], float("nan")) if len(ours) >= top else 0.0
    return {
        "top10_same_order": ours[:top] == theirs[:top],
        "top10_same_set": set(ours[:top]) == set(theirs[:top])
        or all(abs(scores[n] - tenth) < 1e-12 for n in set(theirs[:top]) ^ set(ours[:top])
               if n in scores),
        "max_abs_delta_top": delta,
        "compared": len(ours),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("graphml")
    p.add_argument("plankg_json")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--tol", type=float, action="append")
    p.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    tols = a.tol or [1e-6]
    if a.one:
        json.dump(one_run(a.graphml, tols), sys.stdout)
        return
    runs = []
    for _ in range(a.runs):
        cmd = [sys.executable, __file__, a.graphml, a.plankg_json, "--one"]
        for t in tols:
            cmd += ["--tol", repr(t)]
        runs.append(json.loads(subprocess.run(cmd, check=True, capture_output=True,
                                              text=True).stdout))
    last = runs[-1]
    result = {
        "nodes": last["nodes"], "edges": last["edges"],
        "directed": last["directed"], "multigraph": last["multigraph"],
        "runs": a.runs,
        "read_s": statistics.median(r["read_s"] for r in runs),
        "pagerank_s": {t: statistics.median(r["pagerank_s"][t] for r in runs)
                       for t in last["pagerank_s"]},
        "all_read_s": [round(r["read_s"], 3) for r in runs],
        "all_pagerank_s": {t: [round(r["pagerank_s"][t], 3) for r in runs]
                           for t in last["pagerank_s"]},
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "tolerance_compared": repr(min(tols)),
    }
    if a.plankg_json != "-":
        result.update(agreement(json.load(open(a.plankg_json)), last["scores"]))
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
