package ru.appealdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * What the memory benchmark reads: the heap after each collection (from the collectors' notifications), the peak
 * of the heap in use, and the resident memory of this JVM and of PostgreSQL's processes from {@code /proc}.
 */
final class MemoryProbe {

    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong fullCollections = new AtomicLong();
    private final AtomicLong peakPostgresPss = new AtomicLong();

    /** Listens to every collector of this JVM from now on. */
    MemoryProbe() {
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> ((NotificationEmitter) gc)
                .addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                            notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long after = heapPools().stream().mapToLong(pool -> {
                        MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool);
                        return usage == null ? 0 : usage.getUsed();
                    }).sum();
                    maxAfterGc.accumulateAndGet(after, Math::max);
                    collections.incrementAndGet();
                    if (info.getGcAction().contains("major")) {
                        fullCollections.incrementAndGet();
                    }
                }, null, null));
    }

    private static List<String> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getName).toList();
    }

    /** Forgets the peaks so far (the seeding's are not the load's). */
    void reset() {
        maxAfterGc.set(0);
        collections.set(0);
        fullCollections.set(0);
        peakPostgresPss.set(0);
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    }

    long maxHeapAfterGc() {
        return maxAfterGc.get();
    }

    long collections() {
        return collections.get();
    }

    long fullCollections() {
        return fullCollections.get();
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound: each pool peaks at its own moment). */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long nonHeapUsed() {
        return ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
    }

    /** A size in {@code /proc/<pid>/status} or {@code smaps_rollup}, in bytes ({@code VmRSS}, {@code Pss}). */
    static long kib(long pid, String file, String key) {
        return number(pid, file, key) * 1024;
    }

    /** The number of a line of a {@code /proc/<pid>} file, 0 if there is none. */
    static long number(long pid, String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(l -> l.startsWith(key + ":")).findFirst()
                    .map(l -> Long.parseLong(l.substring(key.length() + 1).replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The postmaster and its children, given a backend's pid. */
    static List<Long> postgresProcesses(long backendPid) {
        long postmaster = number(backendPid, "status", "PPid");
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            List<Long> children = procs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .map(Long::parseLong).filter(pid -> number(pid, "status", "PPid") == postmaster).toList();
            return Stream.concat(Stream.of(postmaster), children.stream()).toList();
        } catch (IOException e) {
            return List.of(postmaster);
        }
    }

    /** Sums a key over processes. */
    static long sum(List<Long> pids, String file, String key) {
        return pids.stream().mapToLong(pid -> kib(pid, file, key)).sum();
    }

    /** Samples PostgreSQL's proportional set size (shared buffers counted once) and keeps the peak. */
    long samplePostgres(long backendPid) {
        long pss = sum(postgresProcesses(backendPid), "smaps_rollup", "Pss");
        peakPostgresPss.accumulateAndGet(pss, Math::max);
        return pss;
    }

    long peakPostgresPss() {
        return peakPostgresPss.get();
    }

    static long mib(long bytes) {
        return bytes >> 20;
    }
}
