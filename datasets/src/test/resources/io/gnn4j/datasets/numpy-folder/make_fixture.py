# Writes a folder of NumPy arrays as the directed-GNN repositories publish a graph (PyTorch Geometric Signed
# Directed's telegram_adj.npz + telegram_labels.npy), with scipy and numpy themselves, for NumpyFolderTest.
# Run from this folder: python3 make_fixture.py
import numpy as np
import scipy.sparse as sp

# 6 nodes, directed edges i -> j; node 5 has no out-edges; 2 classes.
rows = np.array([0, 0, 1, 2, 3, 4, 4])
cols = np.array([1, 2, 2, 0, 4, 5, 3])
adj = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(6, 6))
sp.save_npz('toy/toy_adj.npz', adj)
np.save('toy/toy_labels.npy', np.array([0, 0, 0, 1, 1, 1], dtype=np.int64))
np.save('toy/toy_feats.npy', np.arange(12, dtype=np.float32).reshape(6, 2))
