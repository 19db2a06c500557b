package io.gnn4j.sheaf;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Locale;

/**
 * The fixed stalk dimensions of the official Neural Sheaf Diffusion code (Bodnar et al., NeurIPS 2022;
 * twitter-research/neural-sheaf-diffusion, options {@code add_lp} and {@code add_hp}): beside the d learned
 * dimensions, each node's stalk gets one or two dimensions whose restriction maps are constants, so the maps become
 * block-diagonal (d + k)×(d + k) with the learned d×d block first. As the official code builds their Laplacian
 * entries (diagonal deg(u), off-diagonal +1 for {@code add_lp} and −1 for {@code add_hp}, before the same
 * normalisation as the learned part), the low-pass dimension's maps are ±1 (+1 at the lower-numbered end of each
 * edge, −1 at the other: −F_uF_v = +1) and the high-pass dimension's maps are all 1 (−F_uF_v = −1); the low-pass
 * dimension comes first.
 *
 * @param lowPass  add the official code's {@code add_lp} dimension
 * @param highPass add the official code's {@code add_hp} dimension
 */
public record FixedStalks(boolean lowPass, boolean highPass) {
    /** No fixed dimension (the paper's models). */
    public static final FixedStalks NONE = new FixedStalks(false, false);

    /** From {@code none}, {@code lp}, {@code hp} or {@code lp+hp} (the official option names). */
    public static FixedStalks parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "lp" -> new FixedStalks(true, false);
            case "hp" -> new FixedStalks(false, true);
            case "lp+hp", "hp+lp" -> new FixedStalks(true, true);
            default -> throw new IllegalArgumentException("unknown fixed stalks '" + s + "': use none, lp, hp or lp+hp");
        };
    }

    /** The number of fixed dimensions k. */
    public int count() {
        return (lowPass ? 1 : 0) + (highPass ? 1 : 0);
    }

    /** The name {@link #parse} reads. */
    public String label() {
        return lowPass && highPass ? "lp+hp" : lowPass ? "lp" : highPass ? "hp" : "none";
    }

    /**
     * The constant part of the (d + k)×(d + k) maps of every entry of {@code graph} (E×(d + k)², row-major blocks):
     * the fixed dimensions' values, and I_d in the learned block when {@code identity} (the trivial sheaf).
     */
    public Tensor constantMaps(Graph graph, int d, boolean identity) {
        int full = d + count(), dd = full * full, e = graph.numEntries();
        int[] ptr = graph.rowPtr(), col = graph.colIdx();
        float[] v = new float[e * dd];
        for (int u = 0; u < graph.numNodes(); u++) {
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                if (identity) {
                    for (int i = 0; i < d; i++) {
                        v[k * dd + i * full + i] = 1;
                    }
                }
                int i = d;
                if (lowPass) {
                    v[k * dd + i * full + i] = u < col[k] ? 1 : -1;
                    i++;
                }
                if (highPass) {
                    v[k * dd + i * full + i] = 1;
                }
            }
        }
        return Tensor.of(e, dd, v);
    }

    /** The d²×(d + k)² matrix that places a row-major d×d map in the top-left block of a (d + k)×(d + k) map. */
    public Tensor embedding(int d) {
        int full = d + count();
        float[] v = new float[d * d * full * full];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                v[(i * d + j) * full * full + i * full + j] = 1;
            }
        }
        return Tensor.of(d * d, full * full, v);
    }

    /** The learned maps (E×d²) extended by the fixed dimensions, on the tape; the maps as they are without any. */
    public Tensor extend(Tape tape, Tensor maps, Tensor embedding, Tensor constant) {
        return count() == 0 ? maps : tape.add(tape.matmul(maps, embedding), constant);
    }
}
