package io.gnn4j.bench.eval;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak memory of one run. On Linux it is the process's peak resident set size ({@code VmHWM} in
 * {@code /proc/self/status}), reset at the start of the run by writing 5 to {@code /proc/self/clear_refs}; this counts
 * heap, ND4J/Arrow off-heap buffers and native code alike. Where that is unavailable it falls back to the largest
 * sampled heap + non-heap + direct-buffer usage (which misses native allocations outside those pools).
 */
public final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final boolean rss;
    private long sampled;

    private PeakMemory(boolean rss) {
        this.rss = rss;
    }

    /**
     * Starts measuring: collects garbage first (native ND4J buffers of earlier runs are freed only when their Java
     * owners are collected), then resets the kernel's high-water mark when possible.
     */
    public static PeakMemory start() {
        System.gc();
        boolean ok = false;
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            ok = readHwm() > 0;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            ok = false;
        }
        PeakMemory p = new PeakMemory(ok);
        p.sample();
        return p;
    }

    /** Whether this probe reads the kernel's peak RSS (true) or samples JVM pools (false). */
    public boolean isRss() {
        return rss;
    }

    /** Takes a sample of the JVM pools (only matters for the fallback); call once per epoch. */
    public void sample() {
        if (!rss) {
            sampled = Math.max(sampled, jvmUsed());
        }
    }

    /** Peak bytes since {@link #start()}, or −1 when nothing could be measured. */
    public long peakBytes() {
        if (rss) {
            long v = readHwm();
            if (v > 0) {
                return v;
            }
        }
        sample();
        return sampled > 0 ? sampled : -1;
    }

    /**
     * The process's peak resident set size since it started (or since the last {@link #start()}), {@code VmHWM} in
     * bytes, or −1 where it cannot be read.
     */
    public static long processPeakBytes() {
        return readHwm();
    }

    /** {@code VmHWM} in bytes, or −1 when the file or the line is missing. */
    static long readHwm() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;   // the kernel reports kB
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long jvmUsed() {
        var mem = ManagementFactory.getMemoryMXBean();
        long used = mem.getHeapMemoryUsage().getUsed() + mem.getNonHeapMemoryUsage().getUsed();
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            used += Math.max(0, pool.getMemoryUsed());
        }
        return used;
    }
}
