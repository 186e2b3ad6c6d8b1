#!/usr/bin/env python3
"""Bounded load on a running `plankg serve`.

usage: bench-serve.py URL [--clients 8] [--queries 200 | --duration SECONDS]
                          [--runaway-clients K --runaway-every N --timeout T]
                          [--server-pid PID] [--alone-within SECONDS]
                          [--ready-file PATH]

CLIENTS threads each send queries taken in turn from ontology/queries/*.rq, for
QUERIES queries each or for DURATION seconds. The first K clients send, as every
Nth query, a runaway one (a cartesian product under COUNT, OFFSET, DISTINCT or
ORDER BY) instead: the server, started with `--timeout T`, must answer it 503
within T plus a second. With --server-pid, the resident memory of the server and
its query workers is sampled every 0.2 s. With --alone-within, each example query
is first sent once alone, and those that take longer than SECONDS (reports over the
whole corpus, which need a longer timeout than the load's) are named with their
time and left out of the mix. With --ready-file, PATH is created when the load
begins (a script starts what must run under the load then). Prints the figures; exits 1 when an
ordinary query was not answered 200 or a runaway one not 503 in time.
"""
import argparse
import os
import pathlib
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

RUNAWAYS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } LIMIT 10 OFFSET 100000000000",
    "SELECT DISTINCT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } LIMIT 10",
    "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1",
]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("url")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--duration", type=float)
    parser.add_argument("--runaway-clients", type=int, default=0)
    parser.add_argument("--runaway-every", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--server-pid", type=int)
    parser.add_argument("--alone-within", type=float)
    parser.add_argument("--ready-file", type=pathlib.Path)
    return parser.parse_args()


def send(url, query):
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code
    except Exception as error:  # noqa: BLE001 - a failure of any kind is counted
        return f"{type(error).__name__}: {error}"


def resident_kib(pid):
    """The resident memory of `pid` and its children (the query workers)."""
    total = 0
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                pids += [int(c) for c in children.read().split()]
    except OSError:
        return 0
    for each in pids:
        try:
            with open(f"/proc/{each}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def answered_alone(url, queries, within):
    """The queries answered 200 within `within` seconds when sent alone; names the others."""
    kept = []
    for query in queries:
        started = time.perf_counter()
        status = send(url, query)
        seconds = time.perf_counter() - started
        if status == 200 and seconds <= within:
            kept.append(query)
        else:
            first = query.splitlines()[0][:70]
            print(f"left out of the mix ({status} after {seconds:.2f} s alone): {first}")
    print(f"mix: {len(kept)} of {len(queries)} example queries")
    return kept


def main():
    args = arguments()
    root = pathlib.Path(__file__).resolve().parent.parent
    queries = [p.read_text() for p in sorted((root / "ontology/queries").glob("*.rq"))]
    if args.alone_within:
        queries = answered_alone(args.url, queries, args.alone_within)
    lock = threading.Lock()
    ordinary, runaway, failures, memory = [], [], [], []
    stop_at = time.perf_counter() + args.duration if args.duration else None
    done = threading.Event()

    def client(index):
        n = 0
        while (stop_at is None and n < args.queries) or (stop_at and time.perf_counter() < stop_at):
            is_runaway = index < args.runaway_clients and n % args.runaway_every == args.runaway_every - 1
            query = RUNAWAYS[(index + n) % len(RUNAWAYS)] if is_runaway else queries[(index + n) % len(queries)]
            started = time.perf_counter()
            status = send(args.url, query)
            seconds = time.perf_counter() - started
            with lock:
                if is_runaway:
                    runaway.append((status, seconds))
                    if status != 503 or seconds > args.timeout + 1:
                        failures.append(f"runaway {status} after {seconds:.2f} s: {query}")
                else:
                    ordinary.append((status, seconds))
                    if status != 200:
                        failures.append(f"ordinary {status} after {seconds:.2f} s: {query[:80]!r}")
            n += 1

    def sampler():
        while not done.wait(0.2):
            memory.append(resident_kib(args.server_pid))

    if args.server_pid:
        threading.Thread(target=sampler, daemon=True).start()
    if args.ready_file:
        args.ready_file.touch()
    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    done.set()

    answered = sorted(s for status, s in ordinary if status == 200)
    p99 = answered[min(len(answered) - 1, int(len(answered) * 0.99))] if answered else float("nan")
    print(f"ordinary: sent {len(ordinary)}, answered {len(answered)}, "
          f"queries/s {len(answered) / elapsed:.1f}, "
          f"p50 {statistics.median(answered) * 1000 if answered else float('nan'):.1f} ms, "
          f"p99 {p99 * 1000:.1f} ms")
    if runaway:
        refused = [s for status, s in runaway if status == 503]
        print(f"runaway: sent {len(runaway)}, 503 {len(refused)}, "
              f"slowest 503 {max(refused, default=float('nan')):.2f} s (timeout {args.timeout:g} s)")
    if memory:
        print(f"server memory: median {statistics.median(memory) / 1024:.0f} MiB, "
              f"peak {max(memory) / 1024:.0f} MiB")
    for failure in failures[:10]:
        print("failed:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
