package com.m4s.platform.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chinese analysis plugin (module {@code platform/elasticsearch-smartcn}, whose jar carries the plugin zip),
 * installed into an unzipped distribution with {@code bin/elasticsearch-plugin}: once, and again when the plugin
 * build changes.
 */
final class SmartcnPlugin {

    static final String NAME = "m4s-analysis-smartcn";
    private static final String RESOURCE = "/com/m4s/platform/servers/elasticsearch-smartcn.zip";
    private static final String MARKER = ".m4s-plugin.sha256";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(SmartcnPlugin.class);

    private SmartcnPlugin() {
    }

    /** Installs the plugin into {@code dist} unless this build of it is there. The caller holds the work lock. */
    static void ensureInstalled(Path dist) throws IOException {
        byte[] zip = pluginZip();
        String digest = sha256(zip);
        Path marker = dist.resolve(MARKER);
        Path installed = dist.resolve("plugins").resolve(NAME);
        if (Files.isDirectory(installed) && Files.isRegularFile(marker)
                && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(digest)) {
            return;
        }
        Files.deleteIfExists(marker);
        Distributions.deleteTree(installed);
        Instant started = Instant.now();
        Path file = Files.createTempFile(dist.getParent(), "elasticsearch-smartcn-", ".zip");
        Path log = dist.getParent().resolve("plugin-install.log");
        try {
            Files.write(file, zip);
            ProcessBuilder builder = new ProcessBuilder(List.of("/bin/bash",
                    dist.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch", file.toUri().toString()))
                    .directory(dist.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            LocalElasticsearch.useThisJdk(builder.environment());
            builder.environment().put("CLI_JAVA_OPTS", "-Xmx512m");
            Process install = builder.start();
            if (!install.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || install.exitValue() != 0) {
                Processes.kill(install);
                throw new IllegalStateException("installing the Elasticsearch plugin " + NAME + " failed:\n"
                        + Logs.tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the Elasticsearch plugin " + NAME, e);
        } finally {
            Files.deleteIfExists(file);
        }
        Files.writeString(marker, digest, StandardCharsets.UTF_8);
        LOG.info("Installed Elasticsearch plugin {} in {} ms", NAME, Duration.between(started, Instant.now()).toMillis());
    }

    private static byte[] pluginZip() throws IOException {
        try (InputStream in = SmartcnPlugin.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path: build platform/elasticsearch-smartcn");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
