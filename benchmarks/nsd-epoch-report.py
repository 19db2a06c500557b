"""Prints the table of benchmarks/nsd-epoch.sh from the runs it saved in OUT_DIR.

Per side and thread count: the median over rounds of each round's median training-step ms (gnn4j: the `seconds`
column of curves.csv, the training part of each epoch; the peer: its median_ms; both over the epochs after the
first 20), the ratio gnn4j/peer, the fastest epoch of all rounds per side (the figure least disturbed by other jobs on
a shared machine), and the largest peak RSS of the rounds (/usr/bin/time).
Usage: /usr/bin/python3 benchmarks/nsd-epoch-report.py OUT_DIR
"""
import csv
import glob
import json
import os
import re
import statistics
import sys

WARMUP = 20


def gnn4j_ms(folder):
    """(median, min) ms of the training part of the epochs after the warm-up."""
    with open(os.path.join(folder, 'curves.csv')) as fh:
        seconds = [float(r['seconds']) * 1e3 for r in csv.DictReader(fh)][WARMUP:]
    return statistics.median(seconds), min(seconds)


def peer_ms(path):
    """(median, min) ms of the peer's training steps after its warm-up."""
    with open(path) as fh:
        d = json.load(fh)
    return d['median_ms'], d['min_ms']


def rss_mb(path):
    with open(path) as fh:
        return int(fh.read().split()[-1]) / 1024.0


def main(out):
    print('| threads | gnn4j ms/epoch (median) | peer ms/epoch (median) | gnn4j/peer | gnn4j fastest epoch ms '
          '| peer fastest epoch ms | gnn4j peak RSS MB | peer peak RSS MB | rounds |')
    print('|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for threads in (1, 2):
        rounds = sorted(int(re.search(r'\.r(\d+)$', p).group(1))
                        for p in glob.glob(os.path.join(out, f'gnn4j.t{threads}.r*')) if os.path.isdir(p))
        rounds = [r for r in rounds if os.path.exists(os.path.join(out, f'peer.t{threads}.r{r}.json'))]
        if not rounds:
            continue
        gs = [gnn4j_ms(os.path.join(out, f'gnn4j.t{threads}.r{r}')) for r in rounds]
        ps = [peer_ms(os.path.join(out, f'peer.t{threads}.r{r}.json')) for r in rounds]
        g, p = statistics.median(x[0] for x in gs), statistics.median(x[0] for x in ps)
        gmin, pmin = min(x[1] for x in gs), min(x[1] for x in ps)
        grss = max(rss_mb(os.path.join(out, f'gnn4j.t{threads}.r{r}.rss')) for r in rounds)
        prss = max(rss_mb(os.path.join(out, f'peer.t{threads}.r{r}.rss')) for r in rounds)
        print(f'| {threads} | {g:.2f} | {p:.2f} | {g / p:.2f} | {gmin:.2f} | {pmin:.2f} | {grss:.0f} | {prss:.0f} '
              f'| {len(rounds)} |')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: nsd-epoch-report.py OUT_DIR')
    main(sys.argv[1])
