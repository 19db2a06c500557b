# Writes directed_layers.json: what PyTorch Geometric 2.4.0 computes for each layer of gnn-layers (and for
# DirGNNConv) on a small seeded DIRECTED random graph, for PygDirectedFixtureTest and DirGNNConvTest.
#
# PyG's conventions on a directed edge_index (row 0 = source j, row 1 = target i): messages flow j -> i and are
# aggregated at i; gcn_norm (GCN, SGC, APPNP) adds the missing self loops and scales edge j -> i by
# deg(j)^-1/2 * w_ji * deg(i)^-1/2 with deg the weighted IN-degree of A + I at both ends.
#
# Every layer gets fixed weights (seeded), the output on the fixed input x, and the gradient of
# sum(out * w) with respect to x, w[k] = sin(k + 1) over the row-major output (the weighting of
# LayerFixtures.outputAndGradients). Parameters are written under gnn4j's parameter names, in gnn4j's layout
# (a linear weight is in x out, the transpose of torch.nn.Linear's).
#
# DGMLP has no PyG layer: its reference is the formula of the DGMLP Javadoc (hop weights from cosines against x
# and against the component-wise stationary state) evaluated on PyG's propagation, gcn_norm's operator (r = 1/2).
#
# Run from this folder with Debian's python3-torch and the PyG 2.4.0 source tree on the path:
#   PYTHONPATH=/path/to/pytorch_geometric-2.4.0 /usr/bin/python3 make_fixture.py
import json

import numpy as np
import torch
from torch_geometric.nn import APPNP, DirGNNConv, GATConv, GCNConv, GINConv, SAGEConv, SGConv
from torch_geometric.nn.conv.gcn_conv import gcn_norm
from torch_geometric.utils import scatter

torch.manual_seed(12)
rng = np.random.default_rng(12)
torch.set_default_dtype(torch.float64)  # references in double; gnn4j computes in float32

N, F, H, C = 12, 5, 4, 3

# Directed random graph: 30 distinct arcs without self loops, some reciprocal; node 0 receives nothing, node 1
# sends nothing, node 11 is isolated.
arcs = set()
while len(arcs) < 30:
    j, i = (int(v) for v in rng.integers(0, N - 1, size=2))
    if j != i and i != 0 and j != 1:
        arcs.add((j, i))
arcs.add((2, 3))
arcs.add((3, 2))
arcs = sorted(arcs)
edge_index = torch.tensor(arcs, dtype=torch.long).t().contiguous()
edge_weight = torch.tensor(rng.uniform(0.5, 2.0, size=len(arcs)))
x0 = torch.tensor(rng.normal(size=(N, F)))


def matrix(t):
    t = t.detach()
    if t.dim() == 1:
        t = t.view(1, -1)
    return {'rows': t.shape[0], 'cols': t.shape[1], 'data': [float(v) for v in t.reshape(-1)]}


def run(forward, params):
    x = x0.clone().requires_grad_(True)
    out = forward(x)
    w = torch.sin(torch.arange(out.numel(), dtype=torch.float64) + 1).view_as(out)
    (out * w).sum().backward()
    return {'params': {k: matrix(v) for k, v in params.items()}, 'out': matrix(out), 'grad_x': matrix(x.grad)}


def randomize(module):
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn_like(p) * 0.5)
    return module


layers = {}

gcn = randomize(GCNConv(F, C))
layers['gcn'] = run(lambda x: gcn(x, edge_index), {'weight': gcn.lin.weight.t(), 'bias': gcn.bias})
layers['gcn_weighted'] = run(lambda x: gcn(x, edge_index, edge_weight),
                             {'weight': gcn.lin.weight.t(), 'bias': gcn.bias})

sage = randomize(SAGEConv(F, C))
layers['sage_mean'] = run(lambda x: sage(x, edge_index), {
    'lin_l.weight': sage.lin_l.weight.t(), 'lin_l.bias': sage.lin_l.bias, 'lin_r.weight': sage.lin_r.weight.t()})
sage_max = randomize(SAGEConv(F, C, aggr='max'))
layers['sage_max'] = run(lambda x: sage_max(x, edge_index), {
    'lin_l.weight': sage_max.lin_l.weight.t(), 'lin_l.bias': sage_max.lin_l.bias,
    'lin_r.weight': sage_max.lin_r.weight.t()})

for name, concat in (('gat_concat', True), ('gat_mean', False)):
    gat = randomize(GATConv(F, C, heads=2, concat=concat))
    layers[name] = run(lambda x, gat=gat: gat(x, edge_index), {
        'weight': gat.lin_src.weight.t(), 'att_src': gat.att_src.reshape(1, -1),
        'att_dst': gat.att_dst.reshape(1, -1), 'bias': gat.bias})

mlp = torch.nn.Sequential(torch.nn.Linear(F, H), torch.nn.ReLU(), torch.nn.Linear(H, C))
gin = randomize(GINConv(mlp, eps=0.3, train_eps=True))
layers['gin'] = run(lambda x: gin(x, edge_index), {
    'eps': gin.eps.view(1, 1), 'nn.0.weight': mlp[0].weight.t(), 'nn.0.bias': mlp[0].bias,
    'nn.1.weight': mlp[2].weight.t(), 'nn.1.bias': mlp[2].bias})

sgc = randomize(SGConv(F, C, K=2))
layers['sgc'] = run(lambda x: sgc(x, edge_index), {'lin.weight': sgc.lin.weight.t(), 'lin.bias': sgc.lin.bias})

appnp = APPNP(K=3, alpha=0.1)
layers['appnp'] = run(lambda x: appnp(x, edge_index), {})

for name, alpha in (('dirgnn_gcn', 0.3),):
    dir_gcn = randomize(DirGNNConv(GCNConv(F, C), alpha=alpha, root_weight=True))
    layers[name] = run(lambda x, m=dir_gcn: m(x, edge_index), {
        'conv_in.weight': dir_gcn.conv_in.lin.weight.t(), 'conv_in.bias': dir_gcn.conv_in.bias,
        'conv_out.weight': dir_gcn.conv_out.lin.weight.t(), 'conv_out.bias': dir_gcn.conv_out.bias,
        'lin.weight': dir_gcn.lin.weight.t(), 'lin.bias': dir_gcn.lin.bias})
    layers[name]['alpha'] = alpha
dir_sage = randomize(DirGNNConv(SAGEConv(F, C), alpha=0.6, root_weight=False))
layers['dirgnn_sage'] = run(lambda x: dir_sage(x, edge_index), {
    'conv_in.lin_l.weight': dir_sage.conv_in.lin_l.weight.t(), 'conv_in.lin_l.bias': dir_sage.conv_in.lin_l.bias,
    'conv_out.lin_l.weight': dir_sage.conv_out.lin_l.weight.t(), 'conv_out.lin_l.bias': dir_sage.conv_out.lin_l.bias})
layers['dirgnn_sage']['alpha'] = 0.6


def dgmlp_combined(x, hops):
    """DGMLP's combined features on gcn_norm's operator (r = 1/2), as the DGMLP Javadoc defines them."""
    ei, ew = gcn_norm(edge_index, None, N, add_self_loops=True)
    src, dst = ei

    def step(h):
        return scatter(h[src] * ew.view(-1, 1), dst, dim=0, dim_size=N, reduce='sum')

    deg = scatter(torch.ones(ei.shape[1]), dst, dim=0, dim_size=N, reduce='sum')  # in-degree of A + I
    comp = list(range(N))  # weakly connected components by union-find

    def find(v):
        while comp[v] != v:
            comp[v] = comp[comp[v]]
            v = comp[v]
        return v

    for j, i in arcs:
        comp[find(j)] = find(i)
    roots = torch.tensor([find(v) for v in range(N)])
    sums = torch.zeros(N, F).index_add_(0, roots, deg.sqrt().view(-1, 1) * x)
    x_inf = sums[roots]
    eps = 1e-10

    def cos(a, b):
        return (a * b).sum(1) / (a.norm(dim=1) + eps) / (b.norm(dim=1) + eps)

    hs, scores, h = [], [], x
    for k in range(hops + 1):
        if k > 0:
            h = step(h)
        hs.append(h)
        scores.append(cos(h, x) * (1 - cos(h, x_inf)))
    w = torch.softmax(torch.stack(scores, 1), dim=1)
    return sum(w[:, k:k + 1] * hs[k] for k in range(hops + 1))


layers['dgmlp_combined'] = {'params': {}, 'hops': 4, 'out': matrix(dgmlp_combined(x0, 4))}

fixture = {
    'source': 'torch_geometric 2.4.0, torch ' + torch.__version__ + ', make_fixture.py',
    'num_nodes': N,
    'src': [j for j, _ in arcs],
    'dst': [i for _, i in arcs],
    'edge_weight': [float(v) for v in edge_weight],
    'x': matrix(x0),
    'layers': layers,
}
with open('directed_layers.json', 'w') as f:
    json.dump(fixture, f, indent=1)
    f.write('\n')
print('wrote directed_layers.json:', len(arcs), 'arcs,', len(layers), 'layers')
