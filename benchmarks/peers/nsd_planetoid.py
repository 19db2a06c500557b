"""Diag-NSD of the PyTorch peer (nsd_epoch.py) on a Planetoid dataset with a Geom-GCN split: an independent check of
what gnn4j's `nsd-diag` learns on Cora or CiteSeer with given hyper-parameters.

Data: the Planetoid files under ../shared/datasets/<name>/planetoid read by PyG 2.4's `read_planetoid_data` (the
node order the Geom-GCN splits index), features row-normalised, self loops removed, symmetrised; Geom-GCN split k.
Model: nsd_epoch.DiagNSD (the official discrete diagonal model written with plain torch ops), Adam; each epoch one
training step, then evaluation; reported: the test accuracy at the epoch of lowest validation loss.

Run (PyG source on PYTHONPATH, Debian's torch):
  PYTHONPATH=<PyG 2.4.0 source> /usr/bin/python3 benchmarks/peers/nsd_planetoid.py --dataset cora --split 0 \
      --d 2 --hidden 20 --layers 2 --dropout 0 --input-dropout 0 --lr 0.01 --weight-decay 5e-4 --epochs 400
"""
import argparse
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch_geometric.io import read_planetoid_data

import nsd_epoch


def load(root, name, split):
    data = read_planetoid_data(os.path.join(root, name, 'planetoid'), name)
    x = data.x / data.x.sum(1, keepdim=True).clamp(min=1)
    ei = data.edge_index[:, data.edge_index[0] != data.edge_index[1]]
    pairs = set(map(tuple, ei.t().tolist()))
    pairs |= {(v, u) for u, v in pairs}
    masks = np.load(os.path.join(root, name, 'geom-gcn', 'splits', f'{name}_split_0.6_0.2_{split}.npz'))
    train, val, test = (torch.from_numpy(masks[k].astype(bool)) for k in ('train_mask', 'val_mask', 'test_mask'))
    return x, data.y, torch.tensor(sorted(pairs)).t(), x.size(0), train, val, test


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--dataset', default='cora')
    ap.add_argument('--split', type=int, default=0)
    ap.add_argument('--d', type=int, default=2)
    ap.add_argument('--hidden', type=int, default=20, help='channels per stalk dimension')
    ap.add_argument('--layers', type=int, default=2)
    ap.add_argument('--dropout', type=float, default=0.0)
    ap.add_argument('--input-dropout', type=float, default=0.0)
    ap.add_argument('--lr', type=float, default=0.01)
    ap.add_argument('--weight-decay', type=float, default=5e-4)
    ap.add_argument('--epochs', type=int, default=400)
    ap.add_argument('--datasets', default=nsd_epoch.DATASETS)
    args = ap.parse_args()
    x, y, edges, n, train, val, test = load(args.datasets, args.dataset, args.split)
    torch.manual_seed(args.split)
    model = nsd_epoch.DiagNSD(x.size(1), int(y.max()) + 1, edges, n, args.d, args.hidden, args.layers, args.dropout,
                              args.input_dropout)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    best_loss, test_at_best, best_epoch = float('inf'), 0.0, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        opt.zero_grad()
        F.nll_loss(model(x)[train], y[train]).backward()
        opt.step()
        model.eval()
        with torch.no_grad():
            out = model(x)
            val_loss = float(F.nll_loss(out[val], y[val]))
            if val_loss < best_loss:
                best_loss, best_epoch = val_loss, epoch
                test_at_best = float((out[test].argmax(1) == y[test]).float().mean())
    print(f'{args.dataset} split {args.split}: test accuracy {100 * test_at_best:.2f} at the lowest validation loss '
          f'(epoch {best_epoch}, {best_loss:.4f})')


if __name__ == '__main__':
    main()
