package com.m4s.infra.stack;

import com.m4s.platform.servers.JavaOptions;
import com.m4s.platform.servers.Logs;
import com.m4s.platform.servers.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One of the platform's Spring Boot services running as a child process, started from its built jar with the same
 * JDK as this launcher (Maven selected one >= 21), logging to a file, ready once its health endpoint answers.
 */
public final class JavaService implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private JavaService(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Finds {@code <home>/<module>/target/*-exec.jar}, the runnable jar the build made. */
    public static Path jarOf(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + target + "; build first"));
        } catch (IOException e) {
            throw new IllegalStateException("no build output in " + target + "; build first", e);
        }
    }

    /** Starts the service and waits until it is healthy. */
    public static JavaService start(String name, Path jar, int port, Map<String, String> env, Path logDir,
            Duration timeout) {
        return start(name, jar, List.of(), List.of(), port, env, logDir, timeout);
    }

    /**
     * Starts the service with classes added to its class path (Spring Boot's {@code loader.path}, e.g. a benchmark's
     * configuration) and extra application arguments, and waits until it is healthy.
     */
    public static JavaService start(String name, Path jar, List<Path> addedClassPath, List<String> args, int port,
            Map<String, String> env, Path logDir, Duration timeout) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx512m",
                    "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
            command.addAll(JavaOptions.footprint());
            if (addedClassPath.isEmpty()) {
                command.addAll(List.of("-jar", jar.toString()));
            } else {
                command.add("-Dloader.path=" + String.join(",", addedClassPath.stream().map(Path::toString).toList()));
                command.addAll(List.of("-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
            }
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            JavaService service = new JavaService(name, port, builder.start(), log);
            service.awaitHealthy(timeout);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + tail());
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** The service's JVM, e.g. to profile it or read its memory. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the service's log, for error messages. */
    public String tail() {
        return Logs.tail(log, 40);
    }

    /** Asks the service to stop (graceful shutdown), then kills it if it does not within 30 seconds. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }

    /** Kills the service at once (SIGKILL, no shutdown hooks), as a crash or an out-of-memory kill would. */
    public void kill() {
        Processes.kill(process);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
