/**
 * Forward learning: training a GNN layer by layer, each layer with its own local objective and optimiser, its input
 * detached so that no gradient crosses layers and the activations of the layers below are released once consumed
 * (Park et al., "Forward Learning of Graph Neural Networks", ICLR 2024). {@link io.gnn4j.forward.LocalTrainer} runs
 * the layers with the {@link io.gnn4j.train.Trainer}; a {@link io.gnn4j.forward.LocalObjective} says what each layer
 * learns and how the trained stack predicts: {@link io.gnn4j.forward.SingleForward} (ForwardGNN-SF),
 * {@link io.gnn4j.forward.ForwardForward} (forward-forward with label appending) and
 * {@link io.gnn4j.forward.TargetProjection} (tpSGD's fixed random targets) for node classification, and
 * {@link io.gnn4j.forward.LinkObjective} (each layer's own link loss) for link prediction.
 */
package io.gnn4j.forward;
