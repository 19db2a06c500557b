"""PyTorch peer of gnn4j's Diag-NSD: the training epoch of discrete Neural Sheaf Diffusion with diagonal maps.

Bodnar et al., "Neural Sheaf Diffusion", NeurIPS 2022: the discrete model of the official code
(twitter-research/neural-sheaf-diffusion, models/disc_models.py DiscreteDiagSheafDiffusion with
laplacian_builders.DiagLaplacianBuilder, normalised, augmented), written again with plain torch ops because the
official code needs torch_scatter, torch_sparse (its Laplacian and SpMM), torch_householder, torchdiffeq and wandb,
none of which is installed (nor installable: no PyPI) beside Debian's python3-torch 1.13. The substitutes:
torch_scatter.scatter_add -> Tensor.index_add_, torch_sparse.spmm(index, value, m, n, x) -> the same gather,
scale and index_add over the nonzeros (what torch_sparse computes), coalescing -> one entry per (row, col) built
directly. The model and hyper-parameters are those of gnn4j's `nsd-diag-wisconsin` configuration (the official
exp/scripts/run_wisconsin.sh without its add_hp/add_lp):

  X = ELU(dropout(X, p_in) W_in + b); X = dropout(X, p); X -> (n*d, c)          d = 3, c = 32, p = 0.7276
  per layer t (2 layers): maps = tanh(W_t [x_u || x_v]) per directed edge (d values, no bias)
    L = normalised sheaf Laplacian: diagonal u: sum_e F_ue^2 / (sum_e F_ue^2 + 1), per stalk dimension
                                    entry (u, v): -F_ue F_ve / sqrt((D_u + 1)(D_v + 1))
    Z = ELU(L (I_n (x) W1_t) dropout(X, p) W2_t);  X <- (1 + tanh eps_t) X - Z
  logits = X.reshape(n, c*d) W_out + b; Adam lr 0.02, weight decay 6.69e-4 on every parameter.

Timing as gnn4j's harness times an epoch: one training step (forward, NLL on the training nodes, backward, Adam
step) is timed; each epoch then evaluates outside the timed region. Data: Wisconsin from the Geom-GCN files under
../shared/datasets (self loops removed, symmetrised, features row-normalised as PyG's NormalizeFeatures), Geom-GCN
split k.

Run: /usr/bin/python3 benchmarks/peers/nsd_epoch.py --threads 1 --epochs 200 [--splits 1] [--out FILE.json]
Prints one JSON object: the median/min/max training-step ms over the epochs after --warmup, the process CPU ms per
step, peak RSS, and the test accuracy at the epoch of lowest validation loss per split (model check, not timing).
"""
import argparse
import json
import os
import resource
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.join(HERE, '..', '..', '..', 'shared', 'datasets')


def load_wisconsin(root, split):
    """Features (row-normalised), labels, undirected edge list without self loops, and Geom-GCN split masks."""
    folder = os.path.join(root, 'wisconsin', 'geom-gcn')
    with open(os.path.join(folder, 'out1_node_feature_label.txt')) as fh:
        rows = [line.rstrip('\n').split('\t') for line in fh.readlines()[1:] if line.strip()]
    rows.sort(key=lambda r: int(r[0]))
    x = torch.tensor([[float(v) for v in r[1].split(',')] for r in rows])
    y = torch.tensor([int(r[2]) for r in rows])
    x = x / x.sum(1, keepdim=True).clamp(min=1)
    n = x.size(0)
    pairs = set()
    with open(os.path.join(folder, 'out1_graph_edges.txt')) as fh:
        for line in fh.readlines()[1:]:
            if line.strip():
                u, v = map(int, line.split())
                if u != v:
                    pairs.add((u, v))
                    pairs.add((v, u))
    edges = torch.tensor(sorted(pairs)).t()
    masks = np.load(os.path.join(folder, 'splits', f'wisconsin_split_0.6_0.2_{split}.npz'))
    train, val, test = (torch.from_numpy(masks[k].astype(bool)) for k in ('train_mask', 'val_mask', 'test_mask'))
    return x, y, edges, n, train, val, test


class DiagLaplacian:
    """The normalised (augmented) sheaf Laplacian of diagonal maps as (row, col, value) over the n*d stalk rows."""

    def __init__(self, edges, n, d):
        row, col = edges
        key = row * n + col
        order = torch.argsort(key)
        self.reverse = order[torch.searchsorted(key[order], col * n + row)]   # index of the edge v->u
        self.row, self.col, self.n, self.d = row, col, n, d
        k = torch.arange(d)
        self.diag_index = (torch.arange(n).unsqueeze(1) * d + k).reshape(-1)
        self.off_rows = (row.unsqueeze(1) * d + k).reshape(-1)
        self.off_cols = (col.unsqueeze(1) * d + k).reshape(-1)
        self.rows = torch.cat([self.diag_index, self.off_rows])
        self.cols = torch.cat([self.diag_index, self.off_cols])

    def values(self, maps):
        """maps: (E, d), one diagonal map F_{u<e} per directed edge u->v."""
        degree = torch.zeros(self.n, self.d).index_add_(0, self.row, maps * maps)
        inv_sqrt = (degree + 1).pow(-0.5)
        off = -maps * maps[self.reverse] * inv_sqrt[self.row] * inv_sqrt[self.col]
        diag = degree * inv_sqrt * inv_sqrt
        return torch.cat([diag.reshape(-1), off.reshape(-1)])

    def spmm(self, values, x):
        out = torch.zeros_like(x)
        return out.index_add_(0, self.rows, x[self.cols] * values.unsqueeze(1))


class DiagNSD(nn.Module):
    def __init__(self, features, classes, edges, n, d, channels, layers, dropout, input_dropout):
        super().__init__()
        self.n, self.d, self.c, self.layers = n, d, channels, layers
        self.dropout, self.input_dropout = dropout, input_dropout
        self.edges = edges
        self.laplacian = DiagLaplacian(edges, n, d)
        hidden = channels * d
        self.lin1 = nn.Linear(features, hidden)
        self.lin2 = nn.Linear(hidden, classes)
        self.learners = nn.ModuleList([nn.Linear(2 * hidden, d, bias=False) for _ in range(layers)])
        self.left = nn.ModuleList([nn.Linear(d, d, bias=False) for _ in range(layers)])
        self.right = nn.ModuleList([nn.Linear(channels, channels, bias=False) for _ in range(layers)])
        for t in range(layers):
            nn.init.eye_(self.left[t].weight)
            nn.init.orthogonal_(self.right[t].weight)
        self.epsilons = nn.ParameterList([nn.Parameter(torch.zeros(d, 1)) for _ in range(layers)])

    def forward(self, x):
        n, d = self.n, self.d
        x = F.dropout(x, self.input_dropout, self.training)
        x = F.elu(self.lin1(x))
        x = F.dropout(x, self.dropout, self.training)
        x = x.reshape(n * d, -1)
        x0 = x
        row, col = self.edges
        for t in range(self.layers):
            h = F.dropout(x, self.dropout if t > 0 else 0.0, self.training).reshape(n, -1)
            maps = torch.tanh(self.learners[t](torch.cat([h[row], h[col]], dim=1)))
            values = self.laplacian.values(maps)
            x = F.dropout(x, self.dropout, self.training)
            x = self.left[t](x.t().reshape(-1, d)).reshape(-1, n * d).t()
            x = self.right[t](x)
            x = F.elu(self.laplacian.spmm(values, x))
            x0 = (1 + torch.tanh(self.epsilons[t]).tile(n, 1)) * x0 - x
            x = x0
        return F.log_softmax(self.lin2(x.reshape(n, -1)), dim=1)


def run_split(args, split):
    x, y, edges, n, train, val, test = load_wisconsin(args.datasets, split)
    torch.manual_seed(split)
    model = DiagNSD(x.size(1), int(y.max()) + 1, edges, n, args.d, args.hidden, args.layers, args.dropout,
                    args.input_dropout)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    wall, cpu = [], []
    best_val_loss, test_at_best = float('inf'), 0.0
    for _ in range(args.epochs):
        c0, t0 = time.process_time(), time.perf_counter()
        model.train()
        opt.zero_grad()
        F.nll_loss(model(x)[train], y[train]).backward()
        opt.step()
        wall.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
        model.eval()
        with torch.no_grad():
            out = model(x)
            val_loss = float(F.nll_loss(out[val], y[val]))
            if val_loss < best_val_loss:
                best_val_loss = val_loss
                test_at_best = float((out[test].argmax(1) == y[test]).float().mean())
    return wall, cpu, test_at_best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--epochs', type=int, default=200)
    ap.add_argument('--warmup', type=int, default=20, help='epochs left out of the timing statistics')
    ap.add_argument('--splits', type=int, default=1, help='Geom-GCN splits 0..N-1, one run each')
    ap.add_argument('--d', type=int, default=3)
    ap.add_argument('--hidden', type=int, default=32, help='channels per stalk dimension')
    ap.add_argument('--layers', type=int, default=2)
    ap.add_argument('--dropout', type=float, default=0.7276458263736642)
    ap.add_argument('--input-dropout', type=float, default=0.0)
    ap.add_argument('--lr', type=float, default=0.02)
    ap.add_argument('--weight-decay', type=float, default=0.0006685729356079199)
    ap.add_argument('--datasets', default=DATASETS)
    ap.add_argument('--out', help='also write the JSON here')
    args = ap.parse_args()
    if args.warmup >= args.epochs:
        ap.error(f'--warmup {args.warmup} must be below --epochs {args.epochs}')
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    wall, cpu, accs = [], [], []
    for split in range(args.splits):
        w, c, acc = run_split(args, split)
        wall += w[args.warmup:]
        cpu += c[args.warmup:]
        accs.append(acc)
    res = {'name': 'nsd_diag_wisconsin', 'torch': torch.__version__, 'threads': args.threads,
           'epochs': args.epochs, 'warmup': args.warmup, 'splits': args.splits,
           'median_ms': statistics.median(wall), 'min_ms': min(wall), 'max_ms': max(wall),
           'cpu_median_ms': statistics.median(cpu),
           'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
           'load_at_end': os.getloadavg()[0],
           'test_acc': accs, 'test_acc_mean': float(np.mean(accs)),
           'test_acc_std': float(np.std(accs, ddof=1)) if len(accs) > 1 else 0.0}
    text = json.dumps(res)
    print(text)
    if args.out:
        with open(args.out, 'w') as fh:
            fh.write(text + '\n')


if __name__ == '__main__':
    main()
