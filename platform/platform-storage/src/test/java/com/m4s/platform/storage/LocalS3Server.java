package com.m4s.platform.storage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real S3-compatible server for tests: S3Proxy (org.gaul:s3proxy, Maven Central) with its filesystem backend, run
 * as a child process from its self-contained jar (copied to {@code target/s3proxy} by the build and passed as
 * {@code -Dm4s.s3proxy.jar}), with signature-checked requests as AWS S3 and Aliyun OSS check them.
 */
final class LocalS3Server implements AutoCloseable {

    static final String ACCESS_KEY = "m4s-test-access";
    static final String SECRET_KEY = "m4s-test-secret";

    private final Process process;
    private final int port;
    private final Path log;

    private LocalS3Server(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static LocalS3Server start(Path directory) throws IOException, InterruptedException {
        String jar = System.getProperty("m4s.s3proxy.jar", "target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar + ": build platform-storage with Maven");
        }
        int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
        Path data = Files.createDirectories(directory.resolve("data"));
        Path conf = directory.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data,
                ""));
        Path log = directory.resolve("s3proxy.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar,
                "--properties", conf.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalS3Server server = new LocalS3Server(process, port, log);
        server.awaitReady();
        return server;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited:\n" + Files.readString(log));
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return; // any answer (403 without a signature) means it serves
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not start within 2 minutes:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
