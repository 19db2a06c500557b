/**
 * The training core of gnn4j: dense float32 {@link io.gnn4j.nn.Tensor}s over ND4J buffers, a reverse-mode
 * autograd {@link io.gnn4j.nn.Tape} covering the operations graph neural networks need (GEMM, activations, softmax,
 * dropout, gather/scatter, segment softmax, SpMM/SDDMM with graph-core kernels, losses), {@link io.gnn4j.nn.Module}s
 * and {@link io.gnn4j.nn.Parameter}s, initialisers, optimisers (SGD, Adam, AdamW) and safetensors state dicts.
 */
package io.gnn4j.nn;
