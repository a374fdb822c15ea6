package com.m4s.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * How busy the machine was, and with whose work: the benchmark's (this JVM, every process whose command line names
 * the stack's data directory, such as PostgreSQL, which detaches from its launcher, and all their descendants,
 * also those that have exited) or other processes'. Other work on the machine skews every figure, so it is printed
 * next to them. The benchmark's own work is also told apart by process: the client (this JVM alone) and each named
 * process tree of the stack (a service, PostgreSQL with its backends), so a measurement can say how much CPU one
 * request cost where. Reads Linux's {@code /proc}; elsewhere there is nothing to show.
 */
final class CpuMeter {

    /** The client: this JVM alone, without the stack's processes it launched. */
    static final String CLIENT = "client";

    /**
     * Clock ticks the whole machine was busy, and those of the benchmark's processes, at one moment.
     *
     * @param byProcess ticks of the client and of each named process tree (in the order they were named)
     */
    record Snapshot(long machineBusy, long ours, Map<String, Long> byProcess, long nanoTime) {
    }

    /**
     * Average cores in use over a period: by the benchmark's processes, and by everything else.
     *
     * @param byProcess cores used by the client and by each named process tree that lived through the period
     */
    record Usage(double ourCores, double otherCores, Map<String, Double> byProcess) {

        @Override
        public String toString() {
            return Format.of("benchmark and stack %.2f cores, other processes %.2f cores", ourCores, otherCores);
        }
    }

    private static final Path STAT = Path.of("/proc/stat");
    private static final double TICKS_PER_SECOND = 100;

    private final String marker;
    private final Supplier<Map<String, ProcessHandle>> named;

    /**
     * @param dataDir the stack's data directory; processes naming it on their command line are the stack's
     * @param named the stack's processes by name, each counted with its descendants (read at every snapshot: a
     *        service may be restarted or added between measurements)
     */
    CpuMeter(Path dataDir, Supplier<Map<String, ProcessHandle>> named) {
        this.marker = dataDir.toString();
        this.named = named;
    }

    Optional<Snapshot> snapshot() {
        try {
            return Optional.of(new Snapshot(machineBusy(), ours(), byProcess(), System.nanoTime()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Usage from {@code start} until now; empty when either end could not be read. */
    Optional<Usage> since(Optional<Snapshot> start) {
        return start.flatMap(from -> snapshot().map(to -> {
            double seconds = (to.nanoTime() - from.nanoTime()) / 1e9;
            double ours = (to.ours() - from.ours()) / TICKS_PER_SECOND / seconds;
            double all = (to.machineBusy() - from.machineBusy()) / TICKS_PER_SECOND / seconds;
            Map<String, Double> byProcess = new LinkedHashMap<>();
            to.byProcess().forEach((name, ticks) -> {
                Long before = from.byProcess().get(name);
                if (before != null && ticks >= before) {
                    byProcess.put(name, (ticks - before) / TICKS_PER_SECOND / seconds);
                }
            });
            return new Usage(ours, Math.max(0, all - ours), byProcess);
        }));
    }

    /** user + nice + system + irq + softirq + steal of the first line, {@code cpu ...}: all but idle and iowait. */
    private static long machineBusy() throws IOException {
        String[] fields = Files.readAllLines(STAT).getFirst().trim().split("\\s+");
        long[] ticks = Stream.of(fields).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        return ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
    }

    private long ours() {
        Stream<ProcessHandle> roots = Stream.concat(Stream.of(ProcessHandle.current()),
                ProcessHandle.allProcesses().filter(this::namesDataDir));
        return roots.flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).distinct()
                .mapToLong(CpuMeter::ticksOf).sum();
    }

    private Map<String, Long> byProcess() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put(CLIENT, ticksOf(ProcessHandle.current()));
        named.get().forEach((name, root) -> ticks.put(name,
                Stream.concat(Stream.of(root), root.descendants()).mapToLong(CpuMeter::ticksOf).sum()));
        return ticks;
    }

    private boolean namesDataDir(ProcessHandle process) {
        return process.info().arguments().stream().flatMap(Stream::of).anyMatch(arg -> arg.contains(marker));
    }

    /** utime + stime + cutime + cstime: the process's time and that of its children it has waited for. */
    private static long ticksOf(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the fields after the command name (which may hold spaces) start with field 3, the state
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return LongStream.rangeClosed(14, 17).map(field -> Long.parseLong(fields[(int) field - 3])).sum();
        } catch (IOException | RuntimeException e) {
            return 0; // exited meanwhile
        }
    }
}
