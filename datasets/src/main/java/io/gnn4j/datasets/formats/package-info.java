/**
 * One loader per public node-classification file format — gnn-benchmark/graph2gauss CSR-triplet npz
 * ({@link io.gnn4j.datasets.formats.GnnBenchmarkNpz}), {@code scipy.sparse.save_npz}
 * ({@link io.gnn4j.datasets.formats.ScipySparseNpz}), heterophilous-graphs npz
 * ({@link io.gnn4j.datasets.formats.HeterophilousNpz}), Planetoid pickles ({@link io.gnn4j.datasets.formats.Planetoid},
 * PyG's node order and public split), Geom-GCN text + split masks ({@link io.gnn4j.datasets.formats.GeomGcn}) and
 * LINQS {@code .content/.cites} ({@link io.gnn4j.datasets.formats.Linqs}) — each returning a
 * {@link io.gnn4j.datasets.NodeDataset} or raising {@link io.gnn4j.datasets.DatasetFormatException} with file, place
 * and expected versus found; plus the bundled Cora ({@link io.gnn4j.datasets.formats.BundledCora}).
 */
package io.gnn4j.datasets.formats;
