#!/usr/bin/env python3
"""Where a run's threads work and wait, from a perf recording: one line per time bin, one
column per thread (samples in the bin, then the function with the most of them). A bin with
one column, or with fewer samples than the sampling rate gives a busy thread, is time that
the other cores sat idle.

    perf record -F 1999 -o /tmp/run.data .build/release/diplograph stats --format json \\
        --threads 2 DATA > /tmp/out.json
    perf script -i /tmp/run.data -F tid,time,ip,sym | scripts/perf_threads.py --bin 0.02

With `-F 1999` and bins of 20 ms, a thread busy for the whole bin has about 40 samples.
`--only-below N` prints only the bins with fewer than N threads at work.
"""
import argparse
import collections
import re
import sys


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--bin", type=float, default=0.02, help="bin width in seconds")
    a.add_argument("--only-below", type=int, help="print the bins with fewer threads at work")
    o = a.parse_args()
    samples = []
    for line in sys.stdin:
        m = re.match(r"\s*(\d+)\s+([\d.]+):\s+\S+\s+(.*)$", line.rstrip())
        if m:
            samples.append((int(m.group(1)), float(m.group(2)), m.group(3)))
    if not samples:
        sys.exit("perf_threads: no samples (perf script -F tid,time,ip,sym)")
    start = min(t for _, t, _ in samples)
    first_seen = {}
    for tid, t, _ in samples:
        first_seen.setdefault(tid, t)
    order = sorted(first_seen, key=first_seen.get)
    bins = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for tid, t, symbol in samples:
        name = re.sub(r"\(.*", "", symbol)[-30:]
        bins[int((t - start) / o.bin)][tid][name] += 1
    for b in sorted(bins):
        threads = bins[b]
        if o.only_below is not None and len(threads) >= o.only_below:
            continue
        cells = []
        for tid in order:
            if tid in threads:
                top = threads[tid].most_common(1)[0][0]
                cells.append(f"{tid % 1000:3d}:{sum(threads[tid].values()):4d} {top:30s}")
        print(f"{b * o.bin:7.3f} " + " | ".join(cells))


if __name__ == "__main__":
    main()
