package com.m4s.infra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service spends its CPU while it is measured: a JFR recording ({@code settings=profile}) of the running
 * service, started and stopped with {@code jcmd} of the JDK the service runs on, read back into the share of its
 * execution samples per layer (Hibernate, JDBC driver, JSON, Tomcat, our code, the JDK, ...) and its hottest methods.
 */
final class Profile {

    /** A package group; a frame belongs to the first group one of whose prefixes its class name starts with. */
    private record Layer(String name, List<String> prefixes) {

        boolean owns(String className) {
            return prefixes.stream().anyMatch(className::startsWith);
        }
    }

    /** More specific groups first: Bean Validation before Hibernate, the gateway and Spring web before Spring. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("Bean Validation", List.of("org.hibernate.validator.", "jakarta.validation.")),
            new Layer("Hibernate", List.of("org.hibernate.")),
            new Layer("JDBC driver", List.of("org.postgresql.")),
            new Layer("connection pool", List.of("com.zaxxer.hikari.")),
            new Layer("security & tokens", List.of("org.springframework.security.", "com.nimbusds.")),
            new Layer("JSON", List.of("tools.jackson.", "com.fasterxml.jackson.")),
            new Layer("Tomcat", List.of("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina.")),
            new Layer("Netty & Reactor", List.of("io.netty.", "reactor.")),
            new Layer("gateway", List.of("org.springframework.cloud.gateway.")),
            new Layer("Spring JDBC & tx", List.of("org.springframework.jdbc.", "org.springframework.transaction.",
                    "org.springframework.orm.", "org.springframework.data.")),
            new Layer("Spring web", List.of("org.springframework.web.", "org.springframework.http.")),
            new Layer("metrics", List.of("io.micrometer.")),
            new Layer("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
            new Layer("Spring other", List.of("org.springframework.")),
            new Layer("our code", List.of("com.m4s.")),
            new Layer("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun.")));
    private static final String JDK = "JDK";
    private static final String OTHER = "other";
    private static final int TOP_METHODS = 10;
    private static final long JCMD_TIMEOUT_SECONDS = 60;
    private static final String NAME = "bench";

    /**
     * What one recording gave.
     *
     * @param byLayer samples by the layer of their top frame (the first frame, walking down from the top, whose
     *     class is in a known group; JDK frames count as the JDK)
     * @param byCaller the same with the JDK's frames counted to the layer that called the JDK
     * @param topMethods samples by the top frame's method, most first
     */
    record Report(String service, String during, Path file, long samples, Map<String, Long> byLayer,
            Map<String, Long> byCaller, List<Map.Entry<String, Long>> topMethods) {

        void print() {
            System.out.println(Format.of("   %s: %d CPU samples (JFR jdk.ExecutionSample, settings=profile) during %s;"
                    + " %s", service, samples, during, file));
            System.out.println("     by layer of the top frame:          " + shares(byLayer));
            System.out.println("     JDK frames counted to their caller: " + shares(byCaller));
            System.out.println("     top " + TOP_METHODS + " methods (top frame):");
            for (Map.Entry<String, Long> method : topMethods) {
                System.out.println(Format.of("       %5.1f %%  %s", percent(method.getValue()), method.getKey()));
            }
        }

        /** The three biggest layers, JDK frames counted to their caller: for the summary. */
        String headline() {
            return byCaller.entrySet().stream().limit(3)
                    .map(e -> Format.of("%s %.0f %%", e.getKey(), percent(e.getValue())))
                    .collect(Collectors.joining(", ")) + Format.of(" (%d samples)", samples);
        }

        /** Layers with at least 2 % of the samples, most first; the rest together. */
        private String shares(Map<String, Long> layers) {
            List<String> shown = new ArrayList<>();
            long rest = 0;
            for (Map.Entry<String, Long> layer : layers.entrySet()) {
                if (percent(layer.getValue()) >= 2) {
                    shown.add(Format.of("%s %.1f %%", layer.getKey(), percent(layer.getValue())));
                } else {
                    rest += layer.getValue();
                }
            }
            if (rest > 0) {
                shown.add(Format.of("rest %.1f %%", percent(rest)));
            }
            return String.join(", ", shown);
        }

        private double percent(long count) {
            return samples == 0 ? 0 : 100.0 * count / samples;
        }
    }

    private final String service;
    private final long pid;
    private final Path file;

    private Profile(String service, long pid, Path file) {
        this.service = service;
        this.pid = pid;
        this.file = file;
    }

    /** Starts recording the service (process {@code pid}) into {@code file}. */
    static Profile start(String service, long pid, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + file + ": " + e.getMessage(), e);
        }
        Profile profile = new Profile(service, pid, file);
        profile.jcmd("JFR.start", "name=" + NAME, "settings=profile", "filename=" + file);
        return profile;
    }

    /** Stops the recording (the service writes the file) and reads it. */
    Report stop(String during) {
        jcmd("JFR.stop", "name=" + NAME);
        try {
            return read(service, during, file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the recording of " + service + " in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    static Report read(String service, String during, Path file) throws IOException {
        Map<String, Long> byLayer = new HashMap<>();
        Map<String, Long> byCaller = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
                samples++;
                byLayer.merge(layer(frames, false), 1L, Long::sum);
                byCaller.merge(layer(frames, true), 1L, Long::sum);
                String top = frames.isEmpty() ? "(no stack)" : frames.getFirst().getMethod().getType().getName() + "."
                        + frames.getFirst().getMethod().getName();
                methods.merge(top, 1L, Long::sum);
            }
        }
        List<Map.Entry<String, Long>> topMethods = methods.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_METHODS).toList();
        return new Report(service, during, file, samples, mostFirst(byLayer), mostFirst(byCaller), topMethods);
    }

    /**
     * The layer of the first frame, from the top of the stack down, whose class is in a known group; with
     * {@code skipJdk}, JDK frames are passed over too, and the sample is the JDK's only when no caller is known.
     */
    private static String layer(List<RecordedFrame> frames, boolean skipJdk) {
        boolean sawJdk = false;
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String className = frame.getMethod().getType().getName();
            for (Layer layer : LAYERS) {
                if (layer.owns(className)) {
                    if (!skipJdk || !layer.name().equals(JDK)) {
                        return layer.name();
                    }
                    sawJdk = true;
                    break;
                }
            }
        }
        return sawJdk ? JDK : OTHER;
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Runs {@code jcmd <pid> <command...>} of the JDK the service runs on; fails unless it succeeds. */
    private void jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of(jcmdExecutable(), Long.toString(pid)));
        line.addAll(List.of(command));
        Path output = null;
        try {
            output = Files.createTempFile("m4s-bench-jcmd-", ".txt");
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not return within "
                        + JCMD_TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || text.contains("Could not")) {
                throw new IllegalStateException(String.join(" ", line) + " failed (exit " + process.exitValue()
                        + "): " + text);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", line) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", line), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a few bytes left in the temporary folder
                }
            }
        }
    }

    /** {@code jcmd} beside the {@code java} that runs the service, else beside this JVM's. */
    private String jcmdExecutable() {
        return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of)
                .map(java -> java.resolveSibling("jcmd")).filter(Files::isExecutable)
                .or(() -> java.util.Optional.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")))
                .map(Path::toString).orElseThrow();
    }
}
