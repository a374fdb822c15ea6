package com.m4s.infra.stack;

import com.m4s.platform.servers.LocalPostgres;
import com.m4s.platform.servers.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: the real servers it needs (PostgreSQL today; Kafka, Elasticsearch and
 * Keycloak join the {@link #servers} list the same way) and its three services as child processes.
 */
public final class Stack implements AutoCloseable {

    /** Where the stack lives and listens. Port 0 picks a free port. */
    public record Config(Path home, Path dataDir, int postgresPort, int tenantAdminPort, int storeConsolePort,
            int gatewayPort) {

        /** The ports a person runs on by default. */
        public static Config standard(Path home, Path dataDir) {
            return new Config(home, dataDir, 15432, 8081, 8082, 8080);
        }

        /** Free ports everywhere: for tests and benchmarks that must not clash with a running stack. */
        public static Config ephemeral(Path home, Path dataDir) {
            return new Config(home, dataDir, free(), free(), free(), free());
        }
    }

    private static final String DATABASE = "m4s";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Config config;
    private final List<LocalServer> servers = new ArrayList<>();
    private final Map<String, JavaService> services = new LinkedHashMap<>();
    private LocalPostgres postgres;

    private Stack(Config config) {
        this.config = config;
    }

    public static Stack start(Config config) {
        Stack stack = new Stack(config);
        try {
            stack.startServers();
            stack.startService("tenant-admin");
            stack.startService("store-console");
            stack.startService("gateway");
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServers() {
        postgres = LocalPostgres.start(config.dataDir().resolve("postgres"), config.postgresPort());
        servers.add(postgres);
        postgres.createDatabase(DATABASE);
    }

    /** Starts (or restarts) one service. */
    public JavaService startService(String name) {
        JavaService running = services.remove(name);
        if (running != null) {
            running.close();
        }
        String module = name.equals("gateway") ? "platform/gateway" : name;
        JavaService service = JavaService.start(name, JavaService.jarOf(config.home(), module), port(name), env(),
                config.dataDir().resolve("logs"), START_TIMEOUT);
        services.put(name, service);
        return service;
    }

    /** Stops one service, e.g. to show what happens while it is down. */
    public void stopService(String name) {
        JavaService running = services.remove(name);
        if (running != null) {
            running.close();
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("M4S_DB_URL", jdbcUrl());
        env.put("M4S_DB_USER", postgres.username());
        env.put("M4S_DB_PASSWORD", postgres.password());
        env.put("M4S_TENANT_ADMIN_PORT", String.valueOf(config.tenantAdminPort()));
        env.put("M4S_STORE_CONSOLE_PORT", String.valueOf(config.storeConsolePort()));
        env.put("M4S_GATEWAY_PORT", String.valueOf(config.gatewayPort()));
        env.put("M4S_TENANT_ADMIN_URL", "http://127.0.0.1:" + config.tenantAdminPort());
        env.put("M4S_STORE_CONSOLE_URL", "http://127.0.0.1:" + config.storeConsolePort());
        return env;
    }

    private int port(String service) {
        return switch (service) {
            case "tenant-admin" -> config.tenantAdminPort();
            case "store-console" -> config.storeConsolePort();
            case "gateway" -> config.gatewayPort();
            default -> throw new IllegalArgumentException(service);
        };
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public String dbUser() {
        return postgres.username();
    }

    public String dbPassword() {
        return postgres.password();
    }

    public JavaService service(String name) {
        JavaService service = services.get(name);
        if (service == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return service;
    }

    public List<LocalServer> servers() {
        return List.copyOf(servers);
    }

    /** Stops the services in reverse order, then the servers. */
    @Override
    public void close() {
        List<JavaService> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        running.forEach(JavaService::close);
        services.clear();
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
        servers.clear();
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
