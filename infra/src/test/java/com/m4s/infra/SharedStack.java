package com.m4s.infra;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One stack per test JVM for the end-to-end classes: starting one costs minutes (Keycloak), so they share it. It
 * stops, and its data folder is deleted, when the JVM exits; the services' logs are kept first in
 * {@code target/stack-logs/<data folder>/} (one folder per test JVM) (the server side of a failed step, e.g. a 500's stack trace).
 */
final class SharedStack {

    private static Stack stack;
    private static boolean demoData;

    private SharedStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path home = Path.of(System.getProperty("m4s.home", "..")).toAbsolutePath().normalize();
            Path data = temporaryFolder();
            stack = Stack.start(Stack.Config.ephemeral(home, data));
            Stack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                keepLogs(data.resolve("logs"), Path.of("target", "stack-logs", data.getFileName().toString()));
                delete(data);
            }, "m4s-test-stack-stop"));
        }
        return stack;
    }

    /** The shared stack with the demo dealer group, stores, members and users' data loaded (once). */
    static synchronized Stack withDemoData() {
        Stack running = get();
        if (!demoData) {
            new DemoData(running).ensure();
            demoData = true;
        }
        return running;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("m4s-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keepLogs(Path logs, Path kept) {
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: the logs help after a failure, the run's result does not depend on them
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the folder is under the system's temporary directory
        }
    }
}
