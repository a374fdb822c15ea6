package com.m4s.platform.test;

import com.m4s.platform.servers.LocalElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One Elasticsearch node per test JVM, started on first use from the integ-test distribution with the smartcn
 * plugin (a process, also on hosts with Docker: the official images lack the plugin, and fault tests stop, kill and
 * restart it), stopped and deleted with the JVM.
 */
public final class TestElasticsearch {

    /** The property a service reads the search server's address from. */
    public static final String URL_PROPERTY = "m4s.search.elasticsearch.url";

    private static LocalElasticsearch server;

    private TestElasticsearch() {
    }

    public static synchronized LocalElasticsearch server() {
        if (server == null) {
            try {
                // its own folder in the system temp folder: as root the node runs as another user, which must reach it
                Path data = Files.createTempDirectory("m4s-test-elasticsearch-");
                try {
                    server = LocalElasticsearch.start(data, 0);
                } catch (RuntimeException e) {
                    delete(data);
                    throw e;
                }
                LocalElasticsearch started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    delete(data);
                }, "test-elasticsearch-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Points a Spring Boot test's search client at the shared node ({@value #URL_PROPERTY}). */
    public static void register(DynamicPropertyRegistry registry) {
        LocalElasticsearch elasticsearch = server();
        registry.add(URL_PROPERTY, elasticsearch::url);
    }

    /** {@code http://127.0.0.1:<port>} of the shared node. */
    public static String url() {
        return server().url();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at shutdown
        }
    }
}
