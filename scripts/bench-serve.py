#!/usr/bin/env python3
"""Bounded load on a running `plankg serve`: CLIENTS threads each send QUERIES
queries taken in turn from ontology/queries/*.rq; prints requests, errors,
queries/s and the p50/p99 latency. usage: bench-serve.py URL [CLIENTS] [QUERIES]"""
import pathlib
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request

url = sys.argv[1]
clients = int(sys.argv[2]) if len(sys.argv) > 2 else 8
per_client = int(sys.argv[3]) if len(sys.argv) > 3 else 200
root = pathlib.Path(__file__).resolve().parent.parent
queries = [p.read_text() for p in sorted((root / "ontology/queries").glob("*.rq"))]
latencies, errors, lock = [], [], threading.Lock()


def client(index):
    for n in range(per_client):
        query = queries[(index + n) % len(queries)]
        body = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(url, data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
                ok = response.status == 200
        except Exception as error:  # noqa: BLE001 - every failure is counted
            ok = False
            with lock:
                errors.append(str(error))
        with lock:
            if ok:
                latencies.append(time.perf_counter() - started)


started = time.perf_counter()
threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - started
latencies.sort()
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
print(f"requests {clients * per_client}, answered {len(latencies)}, errors {len(errors)}")
print(f"queries/s {len(latencies) / elapsed:.1f}, p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms")
