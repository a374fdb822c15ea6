package com.m4s.infra.stack;

import com.m4s.platform.servers.LocalElasticsearch;
import com.m4s.platform.servers.LocalKeycloak;
import com.m4s.platform.servers.LocalKafka;
import com.m4s.platform.servers.LocalPostgres;
import com.m4s.platform.servers.LocalServer;
import com.m4s.platform.servers.PostgresRoles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The whole platform on one machine: the real servers it needs (PostgreSQL, Kafka, Elasticsearch and Keycloak) and
 * its three services as child processes.
 */
public final class Stack implements AutoCloseable {

    /**
     * Where the stack lives and listens. Port 0 picks a free port. {@code stripe}: the services' Stripe settings
     * ({@code M4S_STRIPE_*}), by default those of this process's environment (none: online payment off).
     */
    public record Config(Path home, Path dataDir, int postgresPort, int keycloakPort, int tenantAdminPort,
            int storeConsolePort, int gatewayPort, int kafkaPort, int elasticsearchPort, Map<String, String> stripe) {

        /** The ports a person runs on by default. */
        public static Config standard(Path home, Path dataDir) {
            return new Config(home, dataDir, 15432, 8180, 8081, 8082, 8080, 19092, 19200, stripeFromEnvironment());
        }

        /** Free ports everywhere: for tests and benchmarks that must not clash with a running stack. */
        public static Config ephemeral(Path home, Path dataDir) {
            return new Config(home, dataDir, free(), free(), free(), free(), free(), free(), free(),
                    stripeFromEnvironment());
        }

        /** The same stack talking to Stripe (or the Stripe test fixture) with these {@code M4S_STRIPE_*} settings. */
        public Config withStripe(Map<String, String> settings) {
            return new Config(home, dataDir, postgresPort, keycloakPort, tenantAdminPort, storeConsolePort,
                    gatewayPort, kafkaPort, elasticsearchPort, Map.copyOf(settings));
        }

        private static Map<String, String> stripeFromEnvironment() {
            Map<String, String> settings = new java.util.TreeMap<>();
            System.getenv().forEach((name, value) -> {
                if (name.startsWith("M4S_STRIPE_") && !value.isBlank()) {
                    settings.put(name, value);
                }
            });
            return Map.copyOf(settings);
        }
    }

    private static final String DATABASE = "m4s";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String TENANT_ADMIN_SECRET = "M4S_TENANT_ADMIN_CLIENT_SECRET";
    private static final String STORE_CONSOLE_SECRET = "M4S_STORE_CONSOLE_CLIENT_SECRET";
    /** Passwords of the services' database logins (the app logins and the schema owners), local to this stack. */
    private static final String ADMIN_APP_PASSWORD = "M4S_DB_ADMIN_APP_PASSWORD";
    private static final String ADMIN_OWNER_PASSWORD = "M4S_DB_ADMIN_OWNER_PASSWORD";
    private static final String CONSOLE_APP_PASSWORD = "M4S_DB_CONSOLE_APP_PASSWORD";
    private static final String CONSOLE_OWNER_PASSWORD = "M4S_DB_CONSOLE_OWNER_PASSWORD";
    /** Where browsers open the web UI: client {@code m4s-web} accepts sign-in redirects to it only. */
    private static final String WEB_ORIGIN = "M4S_WEB_ORIGIN";

    private final Config config;
    private final List<LocalServer> servers = new ArrayList<>();
    private final Map<String, JavaService> services = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private LocalElasticsearch elasticsearch;
    private LocalKeycloak keycloak;
    private Properties secrets;

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
        allowPassingThrough(config.dataDir());
        postgres = LocalPostgres.start(config.dataDir().resolve("postgres"), config.postgresPort());
        servers.add(postgres);
        postgres.createDatabase(DATABASE);
        secrets = secrets();
        databaseRoles();
        kafka = LocalKafka.start(config.dataDir().resolve("kafka"), config.kafkaPort());
        servers.add(kafka);
        elasticsearch = LocalElasticsearch.start(config.dataDir().resolve("elasticsearch"),
                config.elasticsearchPort());
        servers.add(elasticsearch);
        // The realm (with these client secrets) is imported on the first start of this data directory only.
        // -Dm4s.keycloak.dist=<dir> shares one unzipped distribution between stacks (tests: skips unzip and rebuild).
        Path keycloakWork = config.dataDir().resolve("keycloak");
        String sharedDist = System.getProperty("m4s.keycloak.dist", "");
        keycloak = LocalKeycloak.builder(sharedDist.isBlank() ? keycloakWork : Path.of(sharedDist))
                .dataDirectory(keycloakWork.resolve("home"))
                .realmFile(config.home().resolve("infra/keycloak/m4s-realm.json"))
                .themes(config.home().resolve("infra/keycloak/themes"))
                .port(config.keycloakPort())
                .environment(TENANT_ADMIN_SECRET, secrets.getProperty(TENANT_ADMIN_SECRET))
                .environment(STORE_CONSOLE_SECRET, secrets.getProperty(STORE_CONSOLE_SECRET))
                .environment(WEB_ORIGIN, webOrigin())
                .logFile(config.dataDir().resolve("logs/keycloak.log"))
                .start();
        servers.add(keycloak);
    }

    /**
     * Lets other users pass through (not list) the stack's data folder: when this JVM is root, Elasticsearch runs as
     * another user and must reach its data folder inside (a temporary folder is created owner-only).
     */
    private static void allowPassingThrough(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dataDir);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(dataDir, permissions);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to do
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dataDir, e);
        }
    }

    /** The services' client secrets, generated once per data directory and kept in {@code secrets.properties}. */
    private Properties secrets() {
        Path file = config.dataDir().resolve("secrets.properties");
        Properties properties = new Properties();
        try {
            Files.createDirectories(config.dataDir());
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
            boolean changed = false;
            for (String name : List.of(TENANT_ADMIN_SECRET, STORE_CONSOLE_SECRET, ADMIN_APP_PASSWORD,
                    ADMIN_OWNER_PASSWORD, CONSOLE_APP_PASSWORD, CONSOLE_OWNER_PASSWORD)) {
                if (properties.getProperty(name, "").isBlank()) {
                    properties.setProperty(name, LocalKeycloak.randomSecret());
                    changed = true;
                }
            }
            if (changed) {
                LocalKeycloak.writePrivate(file, properties,
                        "Client secrets (imported into Keycloak on its first start) and database passwords of this"
                                + " local stack");
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }

    /**
     * Creates the services' database logins, or brings them up to date: on every start, so a data directory from
     * before the services had logins of their own is taken over too (decision 0001).
     */
    private void databaseRoles() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), postgres.username(), postgres.password())) {
            PostgresRoles.ensure(c, PostgresRoles.standard(secrets.getProperty(ADMIN_OWNER_PASSWORD),
                    secrets.getProperty(ADMIN_APP_PASSWORD), secrets.getProperty(CONSOLE_OWNER_PASSWORD),
                    secrets.getProperty(CONSOLE_APP_PASSWORD)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the services' database logins", e);
        }
    }

    /** Starts (or restarts) one service. */
    public JavaService startService(String name) {
        JavaService running = services.remove(name);
        if (running != null) {
            running.close();
        }
        String module = name.equals("gateway") ? "platform/gateway" : name;
        JavaService service = JavaService.start(name, JavaService.jarOf(config.home(), module), port(name), env(module),
                config.dataDir().resolve("logs"), START_TIMEOUT);
        services.put(name, service);
        return service;
    }

    /**
     * Starts another instance of a service beside the stack's own (same database and identity provider), e.g. a
     * benchmark's variant; it is stopped with the stack.
     *
     * @param env settings that differ from the stack's, e.g. the URL of the store-console a gateway routes to
     */
    public JavaService startVariant(String name, String module, int port, Map<String, String> env,
            List<Path> addedClassPath, List<String> args) {
        Map<String, String> settings = env(module);
        settings.putAll(env);
        JavaService service = JavaService.start(name, JavaService.jarOf(config.home(), module), addedClassPath, args,
                port, settings, config.dataDir().resolve("logs"), START_TIMEOUT);
        JavaService previous = services.put(name, service);
        if (previous != null) {
            previous.close();
        }
        return service;
    }

    /** A free TCP port on this machine. */
    public static int freePort() {
        return free();
    }

    /** Stops one service, e.g. to show what happens while it is down. */
    public void stopService(String name) {
        JavaService running = services.remove(name);
        if (running != null) {
            running.close();
        }
    }

    private Map<String, String> env(String module) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("M4S_DB_URL", jdbcUrl());
        switch (module) {
            case "tenant-admin" -> databaseLogins(env, "admin", ADMIN_APP_PASSWORD, ADMIN_OWNER_PASSWORD);
            case "store-console" -> {
                databaseLogins(env, "console", CONSOLE_APP_PASSWORD, CONSOLE_OWNER_PASSWORD);
                // uploaded photos live with the rest of the stack's data (a restart finds them, a deleted folder takes them)
                env.put("M4S_STORAGE_ROOT", config.dataDir().resolve("storage").toString());
            }
            default -> {
                // no database
            }
        }
        env.put("M4S_TENANT_ADMIN_PORT", String.valueOf(config.tenantAdminPort()));
        env.put("M4S_STORE_CONSOLE_PORT", String.valueOf(config.storeConsolePort()));
        env.put("M4S_GATEWAY_PORT", String.valueOf(config.gatewayPort()));
        env.put("M4S_TENANT_ADMIN_URL", "http://127.0.0.1:" + config.tenantAdminPort());
        env.put("M4S_STORE_CONSOLE_URL", "http://127.0.0.1:" + config.storeConsolePort());
        env.put("M4S_OIDC_ISSUER", keycloak.issuer());
        env.put("M4S_OIDC_JWKS", keycloak.jwksUri());
        env.put("M4S_KEYCLOAK_URL", keycloak.baseUrl());
        env.put("M4S_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("M4S_ELASTICSEARCH_URL", elasticsearch.url());
        env.put(TENANT_ADMIN_SECRET, secrets.getProperty(TENANT_ADMIN_SECRET));
        env.put(STORE_CONSOLE_SECRET, secrets.getProperty(STORE_CONSOLE_SECRET));
        // no SMS provider here: texts to the demo members' phones can be read in store-console's development inbox
        env.put("M4S_NOTIFICATION_DEVELOPMENTINBOX_ENABLED", "true");
        env.put("M4S_NOTIFICATION_DEVELOPMENTINBOX_PHONES", String.join(",", DemoData.demoPhones()));
        env.putAll(config.stripe());
        return env;
    }

    private void databaseLogins(Map<String, String> env, String service, String appPassword, String ownerPassword) {
        env.put("M4S_DB_USER", "m4s_" + service + "_app");
        env.put("M4S_DB_PASSWORD", secrets.getProperty(appPassword));
        env.put("M4S_DB_OWNER_USER", "m4s_" + service + "_owner");
        env.put("M4S_DB_OWNER_PASSWORD", secrets.getProperty(ownerPassword));
    }

    private int port(String service) {
        return switch (service) {
            case "tenant-admin" -> config.tenantAdminPort();
            case "store-console" -> config.storeConsolePort();
            case "gateway" -> config.gatewayPort();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /**
     * The web UI as a browser opens it: {@code http://localhost:<gateway port>} (the realm's redirect URIs and the
     * token issuer name {@code localhost}, so a browser must not use 127.0.0.1 here).
     */
    public String webOrigin() {
        return "http://localhost:" + config.gatewayPort();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    /** Where the stack keeps its data between runs (the demo's DMS credential among it). */
    public java.nio.file.Path dataDir() {
        return config.dataDir();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    /** The server's superuser (the services log in with roles of their own). */
    public String dbUser() {
        return postgres.username();
    }

    public String dbPassword() {
        return postgres.password();
    }

    /** The running Kafka broker (stop, kill and start it to show what an outage does). */
    public LocalKafka kafka() {
        return kafka;
    }

    /** The running Elasticsearch node (stop, kill and start it to show what a search outage does). */
    public LocalElasticsearch elasticsearch() {
        return elasticsearch;
    }

    /** The running Keycloak (issuer, JWKS, token endpoint, bootstrap admin). */
    public LocalKeycloak keycloak() {
        return keycloak;
    }

    /** The secret of client {@code m4s-tenant-admin} in this data directory. */
    public String tenantAdminClientSecret() {
        return secrets.getProperty(TENANT_ADMIN_SECRET);
    }

    /** The secret of client {@code m4s-store-console} in this data directory. */
    public String storeConsoleClientSecret() {
        return secrets.getProperty(STORE_CONSOLE_SECRET);
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

    /**
     * The stack's running processes by name, each the root of its process tree (PostgreSQL's and Elasticsearch's
     * servers run as its descendants): the servers, then the services. PostgreSQL's server detaches from its launcher
     * and is found by its {@code postmaster.pid}; Kafka, Elasticsearch and Keycloak are the child processes whose
     * command line names their data directory. For measuring what the stack uses.
     */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        postmaster().ifPresent(p -> processes.put("postgresql", p));
        for (String server : List.of("kafka", "elasticsearch", "keycloak")) {
            String dir = config.dataDir().resolve(server).toString();
            ProcessHandle.current().children().filter(p -> commandLine(p).stream()
                    .anyMatch(arg -> arg.contains(dir + "/") || arg.endsWith(dir))).findFirst()
                    .ifPresent(p -> processes.put(server, p));
        }
        services.forEach((name, service) -> {
            if (service.isAlive()) {
                processes.put(name, service.process());
            }
        });
        return processes;
    }

    /**
     * A process's command line, from {@code /proc} where there is one: {@link ProcessHandle.Info#arguments()} gives
     * none for a command line longer than a memory page, such as Kafka's with its class path.
     */
    private static List<String> commandLine(ProcessHandle process) {
        try {
            byte[] line = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return List.of(new String(line, java.nio.charset.StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return process.info().arguments().map(List::of).orElse(List.of());
        }
    }

    /** PostgreSQL's server process: the first line of {@code postmaster.pid} in its data directory. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = config.dataDir().resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
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
        return com.m4s.platform.servers.Ports.free();
    }
}
