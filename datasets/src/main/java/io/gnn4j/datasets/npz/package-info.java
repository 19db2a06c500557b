/**
 * A small, strict reader of NumPy's {@code .npy} arrays and {@code .npz} archives (STORED and DEFLATE members,
 * bool/integer/float/string dtypes in either byte order, C and Fortran order, no pickles), the base of the
 * npz-based dataset loaders.
 */
package io.gnn4j.datasets.npz;
