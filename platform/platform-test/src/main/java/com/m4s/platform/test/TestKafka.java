package com.m4s.platform.test;

import com.m4s.platform.servers.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One Kafka broker per test JVM, started on first use from the Maven Central jars (a process, also on hosts with
 * Docker: fault tests stop, kill and restart it), deleted with the JVM.
 */
public final class TestKafka {

    private static LocalKafka server;

    private TestKafka() {
    }

    public static synchronized LocalKafka server() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("m4s-test-kafka");
                server = LocalKafka.start(data, 0);
                LocalKafka started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-kafka-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Points a Spring Boot test's event relay at the shared broker. */
    public static void register(DynamicPropertyRegistry registry) {
        LocalKafka kafka = server();
        registry.add("m4s.events.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    public static String bootstrapServers() {
        return server().bootstrapServers();
    }
}
