package com.m4s.platform.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server distributions downloaded by Maven as zip dependencies, unzipped once into a work directory. */
final class Distributions {

    private static final Logger LOG = LoggerFactory.getLogger(Distributions.class);
    private static final String COMPLETE_MARKER = ".m4s-unzipped";

    private Distributions() {
    }

    /** The local Maven repository: {@code -Dm4s.maven.repository}, else {@code -Dmaven.repo.local}, else ~/.m2. */
    static Path mavenRepository() {
        String configured = System.getProperty("m4s.maven.repository");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("maven.repo.local");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * A zip in the local Maven repository, or an error saying how to get it.
     *
     * @param groupPath the group id as a path, e.g. {@code org/keycloak}
     */
    static Path artifact(String groupPath, String artifactId, String version, String server) {
        Path zip = mavenRepository().resolve(groupPath).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(server + " distribution not found at " + zip
                    + ". Build the project first (./mvnw verify), which downloads it as a dependency of"
                    + " platform-servers, or pass -Dm4s.maven.repository=<local Maven repository> if yours is elsewhere.");
        }
        return zip;
    }

    /** Whether {@code dist} holds a complete copy made by {@link #unzip}. */
    static boolean isUnzipped(Path dist) {
        return Files.isRegularFile(dist.resolve(COMPLETE_MARKER));
    }

    /**
     * Unzips the zip's single top-level folder to {@code dist} (replacing an incomplete copy) unless a complete copy
     * is there. Callers hold a lock: several servers, also from other JVMs, may share {@code dist}.
     *
     * @param executable files under {@code bin/} (relative to the top-level folder) to mark executable
     */
    static Path unzip(Path zip, Path dist, Predicate<Path> executable) throws IOException {
        if (isUnzipped(dist)) {
            return dist;
        }
        deleteTree(dist);
        Path work = dist.getParent();
        Files.createDirectories(work);
        Instant started = Instant.now();
        LOG.info("Unzipping {} into {}", zip, work);
        Path staging = Files.createTempDirectory(work, ".unzip-");
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zf.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
            }
        }
        Path root;
        try (Stream<Path> top = Files.list(staging)) {
            root = top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("no top-level folder in " + zip));
        }
        try (Stream<Path> scripts = Files.list(root.resolve("bin"))) {
            scripts.filter(p -> executable.test(root.relativize(p))).forEach(p -> p.toFile().setExecutable(true));
        }
        Files.createFile(root.resolve(COMPLETE_MARKER));
        try {
            Files.move(root, dist, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(root, dist);
        }
        deleteTree(staging);
        LOG.info("Unzipped {} in {} ms", dist.getFileName(), Duration.between(started, Instant.now()).toMillis());
        return dist;
    }

    /** Deletes a file or a folder with everything in it; a link is removed, not followed. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir)) {
            Files.delete(dir);
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
