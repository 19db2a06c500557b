# The reference values of NumpyRandomStateTest, printed with numpy 1.24.2 (Debian's python3-numpy):
#   /usr/bin/python3 numpy_random_state.py
# legacy numpy.random.RandomState: raw MT19937 outputs, permutation, choice without replacement, and PyTorch
# Geometric Signed Directed's node_class_split (20 per class, then the validation nodes from the sorted rest).
import numpy as np

print("uint32, seed 0:", np.frombuffer(np.random.RandomState(0).bytes(12), "<u4").tolist())
print("permutation(10), seed 0:", np.random.RandomState(0).permutation(10).tolist())
print("permutation(1000)[:20], seed 7:", np.random.RandomState(7).permutation(1000)[:20].tolist())
print("permutation(37), seed 2**32-1:", np.random.RandomState(2**32 - 1).permutation(37).tolist())
print("choice(arange(5, 15), 3), seed 0:", np.random.RandomState(0).choice(np.arange(5, 15), 3, replace=False).tolist())
y = np.array([(i * 7) % 5 for i in range(400)])
r = np.random.RandomState(3)
train = np.concatenate([r.choice(np.where(y == c)[0], 20, replace=False) for c in range(5)])
val = r.choice(np.setdiff1d(np.arange(400), train), 100, replace=False)
print("pygsd train, seed 3:", train.tolist())
print("pygsd val, seed 3:", val.tolist())
