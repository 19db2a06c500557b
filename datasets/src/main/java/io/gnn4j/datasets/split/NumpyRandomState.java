package io.gnn4j.datasets.split;

/**
 * numpy's legacy {@code numpy.random.RandomState(seed)} for an integer seed, as far as published splits need it:
 * the MT19937 generator (Matsumoto &amp; Nishimura 1998) seeded by its {@code init_genrand}, {@link #permutation}
 * as numpy's legacy shuffle computes it (Fisher–Yates from the last element down, each index drawn by masked
 * rejection on 32-bit outputs, numpy's {@code random_interval}) and {@link #choice} without replacement
 * ({@code a[permutation(len(a))[:k]]}). With it a split that Python code made with {@code RandomState} is rebuilt
 * with the same node ids.
 */
final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int next = N;

    /** {@code RandomState(seed)}, seed in [0, 2³² − 1]. */
    NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("a RandomState seed must be in [0, 2^32 - 1], got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
    }

    /** The next 32-bit output ({@code genrand_int32}), as an unsigned value. */
    long nextUint32() {
        if (next >= N) {
            twist();
        }
        int y = mt[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908b0df);
        }
        next = 0;
    }

    /** A uniform integer in [0, max] by masked rejection (numpy's {@code random_interval}, max &lt; 2³²). */
    long randomInterval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** {@code permutation(n)}: 0..n−1 shuffled as numpy's legacy {@code shuffle} does. */
    int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) randomInterval(i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** {@code choice(a, k, replace=False)}: the first k entries of a permuted as {@link #permutation}. */
    int[] choice(int[] a, int k) {
        if (k < 0 || k > a.length) {
            throw new IllegalArgumentException("cannot choose " + k + " of " + a.length + " items without replacement");
        }
        int[] p = permutation(a.length);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }
}
