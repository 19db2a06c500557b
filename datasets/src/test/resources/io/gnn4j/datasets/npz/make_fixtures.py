# Writes the .npy/.npz fixtures of NpyArrayTest, NpzFileTest and ScipySparseNpzTest with NumPy/SciPy themselves,
# so the Java reader is checked against the reference writer. Run from this folder: python3 make_fixtures.py
import numpy as np
import scipy.sparse as sp

signed = np.array([[0, 1, -2], [3, -4, 127]])
unsigned = np.array([[0, 1, 2], [3, 4, 250]])
floats = np.array([[0.5, -1.25, 3.0], [1e-3, -7.0, 2.5e6]])
bools = np.array([[True, False, True], [False, False, True]])
arrays = {}
for order in ('C', 'F'):
    for endian in ('<', '>'):
        e = 'le' if endian == '<' else 'be'
        for t in ('i1', 'i2', 'i4', 'i8'):
            arrays[f'{t}_{e}_{order}'] = np.asarray(signed, dtype=endian + t, order=order)
        for t in ('u1', 'u2', 'u4', 'u8'):
            arrays[f'{t}_{e}_{order}'] = np.asarray(unsigned, dtype=endian + t, order=order)
        for t in ('f4', 'f8'):
            arrays[f'{t}_{e}_{order}'] = np.asarray(floats, dtype=endian + t, order=order)
    arrays[f'b1_{order}'] = np.asarray(bools, dtype='|b1', order=order)
arrays['cube_F'] = np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4))
arrays['scalar'] = np.array(42, dtype='<i8')
arrays['empty'] = np.zeros((0, 5), dtype='<f4')
arrays['S3'] = np.array([b'abc', b'd', b''], dtype='|S3')
arrays['U5_le'] = np.array(['h\u00e9llo', 'x', '\U0001F600'], dtype='<U5')
arrays['U3_be'] = np.array(['abc', 'z'], dtype='>U3')
arrays['big_i8'] = np.array([1, 2 ** 40], dtype='<i8')
arrays['big_u8'] = np.array([2 ** 63 + 5], dtype='<u8')
np.savez('dtypes_stored.npz', **arrays)
np.savez_compressed('dtypes_deflate.npz', **arrays)
np.save('f8_be_F.npy', arrays['f8_be_F'])
np.save('object.npy', np.array([{'a': 1}, None], dtype=object), allow_pickle=True)

m = sp.csr_matrix(np.array([[0, 2.5, 0, 1], [0, 0, 0, 0], [3, 0, 0, -1]], dtype=np.float32))
sp.save_npz('sparse_csr.npz', m)
sp.save_npz('sparse_csc.npz', m.tocsc())
sp.save_npz('sparse_coo.npz', m.tocoo(), compressed=False)
