/**
 * Cellular sheaves on graphs and Neural Sheaf Diffusion (Bodnar et al., "Neural Sheaf Diffusion: A Topological
 * Perspective on Heterophily and Oversmoothing in GNNs", NeurIPS 2022, arXiv:2202.04579): restriction maps
 * ({@link io.gnn4j.sheaf.RestrictionMaps}), the sheaf Laplacian as a block-sparse operator
 * ({@link io.gnn4j.sheaf.SheafLaplacian}) and the discrete diffusion network
 * ({@link io.gnn4j.sheaf.SheafDiffusion}).
 */
package io.gnn4j.sheaf;
