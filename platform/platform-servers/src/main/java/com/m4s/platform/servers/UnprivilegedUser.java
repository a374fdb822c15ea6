package com.m4s.platform.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system user a server that refuses to run as root (Elasticsearch) runs as when this JVM is root, as on CI:
 * {@code m4s-search}, created on first use ({@code useradd --system}), else {@code nobody}. Commands are started
 * through {@code setpriv} (util-linux) with that user's ids and no supplementary groups.
 */
record UnprivilegedUser(String name, int uid, int gid) {

    static final String NAME = "m4s-search";
    private static final Logger LOG = LoggerFactory.getLogger(UnprivilegedUser.class);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    /** Whether this JVM runs as root (uid 0). */
    static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@code m4s-search}, created if missing; {@code nobody} when it cannot be created. */
    static synchronized UnprivilegedUser obtain() {
        if (!Files.isExecutable(SETPRIV)) {
            throw new IllegalStateException("running as root needs " + SETPRIV
                    + " (Debian package util-linux) to start the server as an unprivileged user");
        }
        Optional<UnprivilegedUser> user = lookUp(NAME);
        if (user.isEmpty()) {
            create();
            user = lookUp(NAME);
        }
        return user.or(() -> lookUp("nobody"))
                .orElseThrow(() -> new IllegalStateException("neither user " + NAME + " nor nobody exists"));
    }

    /** The command, run as this user. */
    List<String> run(List<String> command) {
        return Stream.concat(Stream.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
                "--"), command.stream()).toList();
    }

    /** Gives everything under {@code dir} (links not followed) to this user. */
    void own(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                if (ownerOf(p) != uid) {
                    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /**
     * Fails with a clear message unless this user may reach {@code dir} (search permission on every folder on the
     * way) and read it. The launcher does not widen permissions of folders it did not make.
     */
    void requireReachable(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            PosixFileAttributes attributes = Files.readAttributes(p, PosixFileAttributes.class);
            boolean self = p.equals(absolute);
            if (!allowed(p, attributes, true) || (self && !allowed(p, attributes, false))) {
                throw new IllegalStateException("the server runs as user " + name + " (this JVM is root), which may"
                        + " not " + (self ? "read " : "pass through ") + p + " (" + attributes.owner().getName()
                        + ", " + java.nio.file.attribute.PosixFilePermissions.toString(attributes.permissions())
                        + "): choose a location that others may read, or run as a user other than root");
            }
        }
    }

    private boolean allowed(Path p, PosixFileAttributes attributes, boolean search) throws IOException {
        int owner = ownerOf(p);
        int group = ((Number) Files.getAttribute(p, "unix:gid")).intValue();
        PosixFilePermission needed;
        if (owner == uid) {
            needed = search ? PosixFilePermission.OWNER_EXECUTE : PosixFilePermission.OWNER_READ;
        } else if (group == gid) {
            needed = search ? PosixFilePermission.GROUP_EXECUTE : PosixFilePermission.GROUP_READ;
        } else {
            needed = search ? PosixFilePermission.OTHERS_EXECUTE : PosixFilePermission.OTHERS_READ;
        }
        return attributes.permissions().contains(needed);
    }

    private static int ownerOf(Path p) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).intValue();
    }

    /** The user's ids from {@code /etc/passwd}. */
    private static Optional<UnprivilegedUser> lookUp(String name) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.map(line -> line.split(":", -1))
                    .filter(f -> f.length >= 4 && f[0].equals(name))
                    .findFirst()
                    .map(f -> new UnprivilegedUser(name, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void create() {
        try {
            Path sbin = Path.of("/usr/sbin/useradd");
            Process useradd = new ProcessBuilder(Files.isExecutable(sbin) ? sbin.toString() : "useradd", "--system", "--no-create-home", "--user-group",
                    "--shell", "/usr/sbin/nologin", "--comment", "M4S local search server", NAME)
                    .redirectErrorStream(true).start();
            String output = new String(useradd.getInputStream().readAllBytes()).strip();
            if (!useradd.waitFor(30, TimeUnit.SECONDS) || useradd.exitValue() != 0) {
                // another JVM may have created it at the same moment; else nobody is used
                LOG.warn("useradd {} failed: {}", NAME, output);
            } else {
                LOG.info("Created system user {} to run Elasticsearch (which refuses to run as root)", NAME);
            }
        } catch (IOException e) {
            LOG.warn("could not run useradd: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
