#!/usr/bin/env python3
"""Side by side, whole processes, one session: `diplograph stats --format json` (this build
with --threads 1, 2, ...; optionally an earlier build) against DuckDB and Polars doing the
load, aggregation, reciprocity, strengths and bloc weights (../shared/bench/anchors_columnar.py);
the whole command does more (responses, chains, sources, null models, every dyad listed), so a
row runs this build on the same work only (`--skip responses,sources,significance --dyads
none`). With --peers-python, networkx, igraph and rustworkx join the same rounds
(../shared/bench/anchors.py, one library per process, the same work, fewer runs).

The commands run in rounds (each round runs every command once, in a rotated order), so a
change of load on a shared machine touches them alike. Prints one Markdown table per data set:
median, min and max wall time, peak memory (ru_maxrss from wait4), and the ratio of each median
to DuckDB's. The CPU time (user + system, from wait4) is the better guide on a loaded machine.

    scripts/bench_side_by_side.py --data /tmp/n1m_k200 /tmp/n10m_k2000 --threads 1 2 \
        --before /path/to/main/diplograph --runs 5 --also "dynamic=/path/to/other/diplograph" \
        --duckdb-python .venv-test/bin/python --polars-python /tmp/venv/bin/python \
        --peers-python /tmp/venv-peers/bin/python --peer-runs 3
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(argv, stdout_path):
    """Wall seconds, CPU seconds (user + system) and peak memory (MB) of one process."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        p = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(argv)}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--data", nargs="+", required=True, help="folders with actions.csv, actors.csv")
    a.add_argument("--after", default=os.path.join(ROOT, ".build/release/diplograph"),
                   help="this build ('' to leave it out)")
    a.add_argument("--before", help="an earlier diplograph binary (no --threads option)")
    a.add_argument("--also", action="append", default=[], metavar="NAME=PATH",
                   help="another diplograph binary run on all threads (repeatable), e.g. a "
                        "build linked another way")
    a.add_argument("--threads", nargs="+", type=int, default=[1, os.cpu_count()])
    a.add_argument("--runs", type=int, default=5)
    a.add_argument("--columnar", default=os.path.join(ROOT, "../shared/bench/anchors_columnar.py"))
    a.add_argument("--duckdb-python", help="a Python with duckdb")
    a.add_argument("--polars-python", help="a Python with polars")
    a.add_argument("--peers-python",
                   help="a Python with networkx, igraph and rustworkx: their rows run "
                        "../shared/bench/anchors.py for one library, in process, once")
    a.add_argument("--peers", default="rustworkx,igraph,networkx",
                   help="the graph libraries run with --peers-python (commas)")
    a.add_argument("--peer-runs", type=int, default=3,
                   help="runs of each graph library (they take seconds to a minute at 10M)")
    a.add_argument("--anchors", default=os.path.join(ROOT, "../shared/bench/anchors.py"))
    a.add_argument("--scratch", default="/tmp/bench-side-by-side.out")
    o = a.parse_args()
    cores = os.cpu_count()
    print(f"machine: {cores} cores, load average {os.getloadavg()}", flush=True)
    for folder in o.data:
        acts, actors = os.path.join(folder, "actions.csv"), os.path.join(folder, "actors.csv")
        commands = []
        if o.before:
            commands.append(("before (main)", [o.before, "stats", "--format", "json", folder]))
        for also in o.also:
            name, _, path = also.partition("=")
            commands.append((name, [path, "stats", "--format", "json", folder]))
        for t in o.threads if o.after else []:
            commands.append((f"now, --threads {t}",
                             [o.after, "stats", "--format", "json", "--threads", str(t), folder]))
        if o.after:
            commands.append((f"now, --threads {cores} --dyads none",
                             [o.after, "stats", "--format", "json", "--dyads", "none", folder]))
            # The columnar script's work and no more: the links, reciprocity, strengths and
            # bloc weights (and the overview), nothing listed per dyad.
            commands.append(("now, same work (--skip responses,sources,significance "
                             "--dyads none)",
                             [o.after, "stats", "--format", "json", "--dyads", "none", "--skip",
                              "responses,sources,significance", folder]))
        for engine, python in (("duckdb", o.duckdb_python), ("polars", o.polars_python)):
            if python:
                commands.append((f"{engine} (threads: all)",
                                 [python, o.columnar, "--engine", engine,
                                  "--actions-csv", acts, "--actors-csv", actors]))
        # The graph libraries: one whole process each (Python, imports, the CSV parsed and the
        # graph built, reciprocity, strengths and bloc weights), as the columnar engines are.
        peers = []
        if o.peers_python:
            for lib in [x.strip() for x in o.peers.split(",") if x.strip()]:
                peers.append((f"{lib} (anchors.py, one run in process)",
                              [o.peers_python, o.anchors, "--libs", lib, "--repeat", "1",
                               "--inprocess", "--no-reference", "--actions-csv", acts,
                               "--actors-csv", actors]))
        commands += peers
        peer_names = {name for name, _ in peers}
        times = {name: [] for name, _ in commands}
        cpu = {name: [] for name, _ in commands}
        memory = {name: 0.0 for name, _ in commands}
        for r in range(o.runs):
            shift = r % len(commands)
            for name, argv in commands[shift:] + commands[:shift]:
                if name in peer_names and r >= o.peer_runs:
                    continue
                wall, seconds, mb = timed(argv, o.scratch)
                times[name].append(wall)
                cpu[name].append(seconds)
                memory[name] = max(memory[name], mb)
        base = next((statistics.median(v) for k, v in times.items() if k.startswith("duckdb")),
                    None)
        size = os.path.getsize(acts) / 1e6
        print(f"\n{folder} ({size:.0f} MB of actions.csv), {o.runs} runs "
              f"({min(o.runs, o.peer_runs)} of each graph library), "
              f"load average after: {os.getloadavg()[0]:.1f}\n")
        print("| command | median | min | max | CPU (median) | peak memory | DuckDB / this |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, _ in commands:
            v = times[name]
            m = statistics.median(v)
            ratio = f"{base / m:.2f}×" if base else ""
            print(f"| {name} | {m:.3f} s | {min(v):.3f} s | {max(v):.3f} s | "
                  f"{statistics.median(cpu[name]):.3f} s | {memory[name]:.0f} MB | {ratio} |",
                  flush=True)


if __name__ == "__main__":
    main()
