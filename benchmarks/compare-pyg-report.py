"""Prints the table of benchmarks/compare-pyg.sh from the runs it saved in OUT_DIR.

Per workload and side, the median over rounds of each round's figure: PyG's median_ms (per_epoch for Cora, with
evaluation, as gnn4j's epoch includes it), gnn4j's JMH sample-time median (or 1000/throughput), and the peak RSS
of the run's largest process. Usage: /usr/bin/python3 benchmarks/compare-pyg-report.py OUT_DIR
"""
import glob
import json
import os
import re
import statistics
import sys

WORKLOADS = [  # name, what, PyG json prefix, target from issue #17
    ('gcn', 'GCN step, PP100k, 2 threads', 'a_gcn.json', '<= 100 ms'),
    ('sage', 'SAGE-mean step, 2 threads', 'a_sage.json', '<= 150 ms'),
    ('gin', 'GIN step, 2 threads', 'a_gin.json', '<= 150 ms'),
    ('gat', 'GAT step (8x8), 2 threads', 'a_gat.json', '<= 0.25x PyG'),
    ('appnp', 'APPNP step (K=10), 2 threads', 'a_appnp.json', '<= 200 ms'),
    ('graph', 'GIN graph step, 128 MUTAG graphs, 1 thread', 'd_gin_graph_t1.json', '<= 0.5x PyG'),
    ('cora', 'Cora GCN epoch (train + eval), 1 thread', 'c_cora_gcn_t1.json', '<= 5 ms'),
    ('spmm', 'SpMM A*X (F=128), 2 threads (PyG: torch CSR)', 'b_spmm_torch_csr.json', 'triad share >= 70 %'),
    ('fastrp', 'FastRP d=256 [0,1,1], 1 thread (PyG side: SciPy)', 'e_fastrp_d256_t1.json', '<= 0.55 s'),
]


def load(path):
    with open(path) as fh:
        return json.load(fh)


def pyg_ms(out, name, prefix, rnd):
    path = os.path.join(out, f'pyg-r{rnd}', prefix)
    if not os.path.exists(path):
        return None
    d = load(path)
    if name == 'cora':
        return d['wall_with_eval_median_ms'] / d['epochs']
    return d['median_ms']


def jmh_ms(path, benchmark):
    for entry in load(path):
        if not entry['benchmark'].endswith(benchmark):
            continue
        metric = entry['primaryMetric']
        if entry['mode'] == 'sample':
            return metric['scorePercentiles']['50.0']
        return 1000.0 / metric['score']  # throughput in ops/s
    return None


def gb_per_s(path, benchmark):
    for entry in load(path):
        if entry['benchmark'].endswith(benchmark):
            return entry['secondaryMetrics']['bytes']['score'] / 1e9
    return None


def gnn4j_ms(out, name, rnd):
    if name == 'cora':
        path = os.path.join(out, f'cora.gnn4j.r{rnd}', 'results.json')
        if not os.path.exists(path):
            return None
        return statistics.median(r['secondsPerEpoch'] for r in load(path)['runs']) * 1000
    path = os.path.join(out, f'{name}.gnn4j.r{rnd}.json')
    if not os.path.exists(path):
        return None
    bench = {'graph': 'step', 'spmm': 'SpmmBenchmark.spmm', 'fastrp': 'anchorGraph'}.get(name, 'step')
    return jmh_ms(path, bench)


def rss_mb(out, name, side, rnd):
    path = os.path.join(out, f'{name}.{side}.r{rnd}.rss')
    if not os.path.exists(path):
        return None
    with open(path) as fh:
        lines = [l for l in fh.read().split() if l.isdigit()]
    return int(lines[-1]) / 1024 if lines else None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=1):
    return '—' if v is None else f'{v:,.{digits}f}'


def main(out):
    rounds = sorted({int(re.search(r'\.r(\d+)\.rss$', p).group(1)) for p in glob.glob(os.path.join(out, '*.r*.rss'))})
    print(f'Rounds: {len(rounds)} (medians over rounds; PyG then gnn4j in each round)\n')
    print('| workload | PyG ms | gnn4j ms | gnn4j/PyG | PyG peak RSS MB | gnn4j peak RSS MB | RSS ratio | target |')
    print('|---|---:|---:|---:|---:|---:|---:|---|')
    for name, what, prefix, target in WORKLOADS:
        p = median(pyg_ms(out, name, prefix, r) for r in rounds)
        g = median(gnn4j_ms(out, name, r) for r in rounds)
        pr = median(rss_mb(out, name, 'pyg', r) for r in rounds)
        gr = median(rss_mb(out, name, 'gnn4j', r) for r in rounds)
        if p is None and g is None:
            continue
        ratio = g / p if p and g else None
        rss_ratio = gr / pr if pr and gr else None
        print(f'| {what} | {fmt(p)} | {fmt(g)} | {fmt(ratio, 2)} | {fmt(pr, 0)} | {fmt(gr, 0)} | '
              f'{fmt(rss_ratio, 2)} | {target} |')
    shares = []
    for r in rounds:
        path = os.path.join(out, f'spmm.gnn4j.r{r}.json')
        if os.path.exists(path):
            spmm, triad = gb_per_s(path, 'SpmmBenchmark.spmm'), gb_per_s(path, 'StreamTriadBenchmark.triad')
            if spmm and triad:
                shares.append(f'round {r}: {spmm:.1f} / {triad:.1f} GB/s = {100 * spmm / triad:.0f} %')
    if shares:
        print('\nSpMM bandwidth against the STREAM triad of the same JMH run: ' + '; '.join(shares))


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: compare-pyg-report.py OUT_DIR')
    main(sys.argv[1])
