# A 6-node Planetoid-format dataset pickled by Python 3 (protocol 4, numpy 2 / scipy >= 1.8 module names), for
# PlanetoidTest: allx = nodes 0..2 (x = node 0 only), test.index = [5, 3] so node 4 is a gap node.
# Run from this folder: python3 make_fixture.py
import collections, pickle
import numpy as np
import scipy.sparse as sp

def dump(name, obj):
    with open('ind.tiny.' + name, 'wb') as f:
        pickle.dump(obj, f, protocol=4)

allx = sp.csr_matrix(np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1]], dtype=np.float32))
dump('allx', allx)
dump('x', allx[:1])
dump('tx', sp.csr_matrix(np.array([[0, 0, 0, 2], [3, 0, 0, 0]], dtype=np.float32)))  # rows for nodes 5 and 3
dump('ally', np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]], dtype=np.int32))
dump('y', np.array([[0, 1, 0]], dtype=np.int32))
dump('ty', np.array([[0, 0, 1], [0, 1, 0]], dtype=np.int32))  # node 5 -> class 2, node 3 -> class 1
g = collections.defaultdict(list)
for u, v in [(0, 1), (1, 2), (2, 3), (3, 5), (4, 5), (0, 0)]:
    g[u].append(v)
    if u != v:
        g[v].append(u)
g[1].append(0)  # a duplicate entry, merged
dump('graph', g)
with open('ind.tiny.test.index', 'w') as f:
    f.write('5\n3\n')
