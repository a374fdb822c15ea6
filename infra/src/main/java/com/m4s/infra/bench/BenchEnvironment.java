package com.m4s.infra.bench;

import com.m4s.infra.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh stack on free ports with its data in a temporary directory. Closing it (or stopping the JVM, e.g. with
 * Ctrl+C) stops every process of the stack and deletes the directory.
 */
final class BenchEnvironment implements AutoCloseable {

    private final Path dataDir;
    private final Thread shutdownHook = Thread.ofPlatform().unstarted(this::cleanUp);
    private Stack stack;
    private boolean cleanedUp;

    private BenchEnvironment(Path dataDir) {
        this.dataDir = dataDir;
    }

    static BenchEnvironment start(Path home) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("m4s-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        BenchEnvironment environment = new BenchEnvironment(dataDir);
        Runtime.getRuntime().addShutdownHook(environment.shutdownHook);
        try {
            environment.startStack(home);
            return environment;
        } catch (RuntimeException e) {
            environment.close();
            throw e;
        }
    }

    private synchronized void startStack(Path home) {
        stack = Stack.start(Stack.Config.ephemeral(home, dataDir));
    }

    Stack stack() {
        return stack;
    }

    Path dataDir() {
        return dataDir;
    }

    String postgresVersion() {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            return rs.next() ? "PostgreSQL " + rs.getString(1) : "PostgreSQL (version unknown)";
        } catch (SQLException e) {
            return "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook has done or is doing the same
        }
    }

    /** Runs once, from close() or from the shutdown hook, whichever comes first; the other waits for it. */
    private synchronized void cleanUp() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
        if (Files.exists(dir)) {
            System.err.println("could not delete all of " + dir);
        }
    }
}
