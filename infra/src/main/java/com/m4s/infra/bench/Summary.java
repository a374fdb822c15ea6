package com.m4s.infra.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The headline figures of every part, printed together at the end with the machine they were taken on. */
final class Summary {

    private record Line(String label, String value) {
    }

    private final List<Line> lines = new ArrayList<>();

    Summary add(String label, String value) {
        lines.add(new Line(label, value));
        return this;
    }

    /** Prints the figures and the machine; call while the stack still runs, to see the services' heap setting. */
    void print(String postgresVersion) {
        add("machine", machine());
        add("load", Format.load() + " at the end (1 minute; other users of the machine count too)");
        add("max heap", heaps());
        add("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        add("postgresql", postgresVersion + " (embedded, fsync off)");
        add("date", LocalDate.now().toString());
        int width = lines.stream().mapToInt(l -> l.label().length()).max().orElse(0);
        System.out.println();
        System.out.println("=".repeat(30) + " Summary " + "=".repeat(30));
        lines.forEach(l -> System.out.println("  " + l.label() + " ".repeat(width - l.label().length()) + "  "
                + l.value()));
        System.out.println("=".repeat(69));
    }

    /** Cores, memory and operating system; the client, the services and PostgreSQL all share them. */
    private static String machine() {
        String memory = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? Format.of(", %.1f GB RAM", os.getTotalMemorySize() / 1e9) : "";
        return Format.of("%d cores%s, %s %s %s (client, services and PostgreSQL on the same machine)",
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    /** This JVM's max heap, and the -Xmx the services were started with (read from their command lines). */
    private static String heaps() {
        String services = ProcessHandle.current().descendants()
                .map(p -> p.info().arguments().map(List::of).orElse(List.of()))
                .filter(args -> args.stream().anyMatch(arg -> arg.endsWith("-exec.jar")))
                .flatMap(List::stream).filter(arg -> arg.startsWith("-Xmx")).findFirst()
                .map(arg -> "; each service " + arg).orElse("");
        return Format.of("benchmark client %d MB%s", Runtime.getRuntime().maxMemory() / (1024 * 1024), services);
    }
}
