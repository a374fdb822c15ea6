package com.m4s.platform.servers;

/**
 * A real server the platform needs, running as a local process. Every server the local stack or the tests start
 * (PostgreSQL, Keycloak, Kafka, Elasticsearch) implements this, so the launcher and the test support
 * start, report and stop them the same way.
 */
public interface LocalServer extends AutoCloseable {

    /** Short name shown to people, e.g. {@code postgresql}. */
    String name();

    /** Where clients connect, e.g. a JDBC URL or {@code http://127.0.0.1:9200}. */
    String endpoint();

    /** Stops the process; data directories that were asked to persist are kept. */
    @Override
    void close();
}
