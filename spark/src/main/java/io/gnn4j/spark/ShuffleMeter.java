package io.gnn4j.spark;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the bytes Spark's shuffle writes, from the task metrics of every finished task ({@code
 * shuffleWriteMetrics.bytesWritten}: serialised, after compression) — the bytes that would cross the network on a
 * cluster. {@link #bytesWritten()} waits for the listener bus to deliver the events of the jobs run so far.
 */
public final class ShuffleMeter extends SparkListener {
    private static final long DRAIN_TIMEOUT_MS = 60_000;
    private final SparkContext sc;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    private ShuffleMeter(SparkContext sc) {
        this.sc = sc;
    }

    /** A meter registered on {@code sc}. */
    public static ShuffleMeter register(SparkContext sc) {
        ShuffleMeter m = new ShuffleMeter(sc);
        sc.addSparkListener(m);
        return m;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m != null) {
            bytes.addAndGet(m.shuffleWriteMetrics().bytesWritten());
            records.addAndGet(m.shuffleWriteMetrics().recordsWritten());
        }
    }

    /** Shuffle bytes written by every task finished so far. */
    public long bytesWritten() {
        drain();
        return bytes.get();
    }

    /** Shuffle records written by every task finished so far. */
    public long recordsWritten() {
        drain();
        return records.get();
    }

    private void drain() {
        try {
            sc.listenerBus().waitUntilEmpty(DRAIN_TIMEOUT_MS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not deliver its events within "
                    + DRAIN_TIMEOUT_MS + " ms", e);
        }
    }

    /** Unregisters the meter. */
    public void close() {
        sc.removeSparkListener(this);
    }
}
