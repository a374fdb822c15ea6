package com.m4s.platform.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak from its server distribution on Maven Central ({@code org.keycloak:keycloak-quarkus-dist:zip}), run as a
 * child process in development mode ({@code kc.sh start-dev}: embedded H2 database, plain HTTP on 127.0.0.1).
 *
 * <p>Two directories:
 * <ul>
 * <li>the <em>work directory</em> holds the unzipped distribution with the platform's Keycloak provider in its
 * {@code providers} folder (the phone sign-in of module {@code platform/keycloak-phone-login}, whose jar carries the
 * provider jar). It is unzipped once and kept; several servers (also from other JVMs) may share it. The first start
 * after unzipping rebuilds the distribution for development mode (Quarkus "augmentation", 20-70 s), which takes the
 * provider in; later starts skip that. The folder is named after the Keycloak version and the provider jar's digest
 * ({@code keycloak-26.7.3-<12 hex digits>}): a changed provider gets a fresh copy and rebuild of its own, while
 * servers still running from the previous copy (other JVMs, other branches) keep theirs untouched. Old copies are not
 * deleted (about 190 MB each); delete them when no server runs.</li>
 * <li>the <em>data directory</em> is this server's Keycloak home: database, realm import folder, transaction logs,
 * bootstrap admin. While the server runs, its {@code lib}, {@code conf}, {@code providers} and {@code themes} are
 * links into the distribution. Keep it to keep users and sessions between runs; the realm file is imported only
 * when the realm does not exist yet.</li>
 * </ul>
 *
 * <p>Themes of one's own ({@link Builder#themes}, e.g. {@code infra/keycloak/themes}): the home's {@code themes} link
 * then points to that folder instead of the distribution's (which holds only a README; Keycloak's own themes are in
 * its jars). Keycloak reads a theme folder at run time, without a rebuild, and in development mode it caches none of
 * it, so a changed text or stylesheet shows on the next page load.
 *
 * <p>Tokens always carry {@code iss = http://localhost:<port>/realms/<realm>}, whatever host name a client used
 * ({@code --hostname}); back-channel endpoints (token, JWKS, Admin API) answer on {@code http://127.0.0.1:<port>} too
 * ({@code --hostname-backchannel-dynamic}). Placeholders such as {@code ${M4S_TENANT_ADMIN_CLIENT_SECRET}} in the
 * realm file are resolved by Keycloak's import from the environment given with {@link Builder#environment}.
 */
public final class LocalKeycloak implements LocalServer {

    /** The realm the platform uses. */
    public static final String DEFAULT_REALM = "m4s";

    private static final String DIST_GROUP_PATH = "org/keycloak";
    /** The provider jar inside module keycloak-phone-login's jar, and its file name in {@code providers/}. */
    private static final String PROVIDER_RESOURCE = "/com/m4s/platform/servers/keycloak-phone-login-provider.jar";
    private static final String PROVIDER_FILE = "m4s-keycloak-phone-login.jar";
    private static final String ADMIN_FILE = "bootstrap-admin.properties";
    private static final List<String> LINKED = List.of("lib", "conf", "providers", "themes");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Logger LOG = LoggerFactory.getLogger(LocalKeycloak.class);
    private static final ReentrantLock DIST_LOCK = new ReentrantLock();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final int port;
    private final String realm;
    private final String adminUsername;
    private final String adminPassword;
    private final Path log;
    private final Path home;

    private LocalKeycloak(Process process, int port, String realm, String adminUsername, String adminPassword,
            Path log, Path home) {
        this.process = process;
        this.port = port;
        this.realm = realm;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.log = log;
        this.home = home;
    }

    /**
     * Starts describing a server.
     *
     * @param workDirectory where the distribution is unzipped and kept; also holds the data directory unless
     *     {@link Builder#dataDirectory} says otherwise
     */
    public static Builder builder(Path workDirectory) {
        return new Builder(workDirectory);
    }

    /** How to start one Keycloak. */
    public static final class Builder {

        private final Path workDirectory;
        private Path dataDirectory;
        private Path realmFile;
        private Path themes;
        private Path logFile;
        private String realm = DEFAULT_REALM;
        private int port;
        private String adminUsername;
        private String adminPassword;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofMinutes(5);

        private Builder(Path workDirectory) {
            this.workDirectory = workDirectory.toAbsolutePath().normalize();
        }

        /** The server's own Keycloak home (database, import folder); default {@code <work directory>/home}. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
            return this;
        }

        /** The realm JSON to import when the realm does not exist yet. */
        public Builder realmFile(Path realmFile) {
            this.realmFile = realmFile.toAbsolutePath().normalize();
            return this;
        }

        /**
         * A folder of themes, one sub-folder each ({@code <name>/login/theme.properties}, ...), that realms may name
         * (the platform's realm names {@code m4s}: {@code infra/keycloak/themes}). Without it only Keycloak's own
         * themes exist, and a realm naming another one gets Keycloak's default pages.
         */
        public Builder themes(Path themes) {
            this.themes = themes.toAbsolutePath().normalize();
            return this;
        }

        /** The realm whose discovery document tells that the server is ready; default {@code m4s}. */
        public Builder realm(String realm) {
            this.realm = Objects.requireNonNull(realm);
            return this;
        }

        /** HTTP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The bootstrap admin of the master realm. Keycloak creates it only with a new database; by default a
         * password is generated then. Either way it is kept in the data directory, and later starts on the same data
         * use the kept one (this setting is then ignored).
         */
        public Builder admin(String username, String password) {
            this.adminUsername = Objects.requireNonNull(username);
            this.adminPassword = Objects.requireNonNull(password);
            return this;
        }

        /** An environment variable for the server, e.g. a client secret the realm file refers to as {@code ${NAME}}. */
        public Builder environment(String name, String value) {
            environment.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            variables.forEach(this::environment);
            return this;
        }

        /** Where the server's output goes; default {@code <data directory>/keycloak.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile.toAbsolutePath().normalize();
            return this;
        }

        /** How long to wait until the realm answers; default 5 minutes (a first start on a busy machine takes 2). */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Unzips the distribution if needed, starts Keycloak and waits until the realm answers. */
        public LocalKeycloak start() {
            return LocalKeycloak.start(this);
        }
    }

    private static LocalKeycloak start(Builder b) {
        Path home = b.dataDirectory != null ? b.dataDirectory : b.workDirectory.resolve("home");
        Path logFile = b.logFile != null ? b.logFile : home.resolve("keycloak.log");
        int port = b.port > 0 ? b.port : freePort();
        try {
            requirePlaceholdersSet(b.realmFile, b.environment);
            if (b.themes != null && !Files.isDirectory(b.themes)) {
                throw new IllegalArgumentException("no themes folder at " + b.themes);
            }
            Files.createDirectories(b.workDirectory);
            Files.createDirectories(home);
            Files.createDirectories(logFile.getParent());
            String[] admin = admin(home, b.adminUsername, b.adminPassword);
            LocalKeycloak server;
            boolean built;
            DIST_LOCK.lock();
            try (FileChannel channel = FileChannel.open(b.workDirectory.resolve(".m4s-keycloak.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                // One start at a time (across JVMs) unzips the distribution; until it is built for development mode,
                // starting rebuilds files inside it, so the first server holds the lock until it is ready.
                Path dist = unzipped(b.workDirectory);
                prepareHome(home, dist, b.realmFile, b.realm, b.themes);
                built = builtForDevelopment(dist);
                LOG.info("Starting Keycloak {} on port {} with data in {}{}", version(), port, home,
                        built ? "" : " (first start of this distribution: it is rebuilt for development mode first)");
                Process process = launch(dist, home, port, admin, b.environment, logFile);
                server = new LocalKeycloak(process, port, b.realm, admin[0], admin[1], logFile, home);
                if (!built) {
                    server.awaitReady(b.startTimeout);
                }
            } finally {
                DIST_LOCK.unlock();
            }
            if (built) {
                server.awaitReady(b.startTimeout);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start in " + home, e);
        }
    }

    /** The distribution zip in the local Maven repository ({@code -Dm4s.maven.repository}, else ~/.m2/repository). */
    public static Path distributionZip() {
        return Distributions.artifact(DIST_GROUP_PATH, "keycloak-quarkus-dist", version(), "Keycloak");
    }

    /** The Keycloak version this build uses. */
    public static String version() {
        try (InputStream in = LocalKeycloak.class.getResourceAsStream("keycloak.properties")) {
            Properties p = new Properties();
            p.load(Objects.requireNonNull(in, "keycloak.properties missing from platform-servers"));
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unzips the distribution into the work directory unless a complete copy for this provider build is there, and
     * puts the provider into its {@code providers} folder; returns its root. The caller holds the work lock.
     */
    private static Path unzipped(Path work) throws IOException {
        byte[] provider = providerJar();
        Path dist = work.resolve(distributionName(provider));
        if (!Distributions.isUnzipped(dist)) {
            // distributionZip() only when needed: a copy unzipped earlier runs without the local Maven repository
            Distributions.unzip(distributionZip(), dist, p -> p.toString().endsWith(".sh"));
        }
        Path installed = dist.resolve("providers").resolve(PROVIDER_FILE);
        if (!Files.isRegularFile(installed) || !java.util.Arrays.equals(Files.readAllBytes(installed), provider)) {
            // a new copy, or one whose start died before the provider was in: the build that follows takes it in
            Path tmp = Files.createTempFile(installed.getParent(), PROVIDER_FILE, ".tmp");
            Files.write(tmp, provider);
            Files.move(tmp, installed, StandardCopyOption.REPLACE_EXISTING);
        }
        return dist;
    }

    /** {@code keycloak-<version>-<first 12 hex digits of the provider jar's SHA-256>}. */
    static String distributionName(byte[] providerJar) {
        try {
            String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(providerJar));
            return "keycloak-" + version() + "-" + digest.substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The phone sign-in provider jar (module {@code platform/keycloak-phone-login}) from the class path. */
    static byte[] providerJar() throws IOException {
        try (InputStream in = LocalKeycloak.class.getResourceAsStream(PROVIDER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + PROVIDER_RESOURCE + " on the class path: build (package)"
                        + " platform/keycloak-phone-login");
            }
            return in.readAllBytes();
        }
    }

    /** Whether a previous start already rebuilt the distribution for {@code start-dev} (no augmentation needed). */
    private static boolean builtForDevelopment(Path dist) {
        Path jar = dist.resolve("lib/quarkus/generated-bytecode.jar");
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zf = new ZipFile(jar.toFile())) {
            ZipEntry entry = zf.getEntry("META-INF/keycloak-persisted.properties");
            if (entry == null) {
                return false;
            }
            Properties p = new Properties();
            try (InputStream in = zf.getInputStream(entry)) {
                p.load(in);
            }
            return "dev".equals(p.getProperty("kc.profile")) && "dev-file".equals(p.getProperty("kc.db"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes {@code home} a Keycloak home of its own: shared program files, private data, the given themes. */
    private static void prepareHome(Path home, Path dist, Path realmFile, String realm, Path themes)
            throws IOException {
        for (String name : LINKED) {
            Path link = home.resolve(name);
            Path target = themes != null && name.equals("themes") ? themes : dist.resolve(name);
            Files.createDirectories(target);
            if (Files.isSymbolicLink(link)) {
                if (Files.readSymbolicLink(link).equals(target)) {
                    continue;
                }
                Files.delete(link);
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(link);
            }
            Files.createSymbolicLink(link, target);
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        if (realmFile != null) {
            if (!Files.isRegularFile(realmFile)) {
                throw new IllegalArgumentException("no realm file at " + realmFile);
            }
            Path tmp = Files.createTempFile(imports.getParent(), "realm", ".tmp");
            Files.copy(realmFile, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Keycloak's import replaces {@code ${NAME}} in the realm file by environment variable NAME but leaves the text as
     * it is when the variable is missing, which would make e.g. a client secret guessable. Upper-case placeholders
     * without a default ({@code ${NAME:default}}) must therefore be set.
     */
    private static void requirePlaceholdersSet(Path realmFile, Map<String, String> environment) throws IOException {
        if (realmFile == null) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(Files.readString(realmFile));
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (m.group(2) == null && !environment.containsKey(name) && System.getenv(name) == null
                    && !missing.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(realmFile + " needs environment variables " + missing
                    + "; pass them with LocalKeycloak.Builder.environment(...)");
        }
    }

    /** The bootstrap admin: remembered in the data directory, because Keycloak creates it only once. */
    private static String[] admin(Path home, String username, String password) throws IOException {
        Path file = home.resolve(ADMIN_FILE);
        boolean freshDatabase = !Files.isDirectory(home.resolve("data/h2"));
        if (!freshDatabase && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new String[] {p.getProperty("username"), p.getProperty("password")};
        }
        String[] admin = {username != null ? username : "admin", password != null ? password : randomSecret()};
        Properties p = new Properties();
        p.setProperty("username", admin[0]);
        p.setProperty("password", admin[1]);
        writePrivate(file, p, "Keycloak bootstrap admin of the master realm in this data directory");
        return admin;
    }

    private static Process launch(Path dist, Path home, int port, String[] admin, Map<String, String> environment,
            Path logFile) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", dist.resolve("bin/kc.sh").toString(),
                "-Dkc.home.dir=" + home, "start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://localhost:" + port, "--hostname-backchannel-dynamic=true", "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_") || k.startsWith("JAVA_OPTS")
                || k.equals("JAVA_ADD_OPENS") || k.equals("JAVA"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // kc.sh's own heap limits, plus: give memory back when idle (a collection after 30 s without one, and
        // at most 30 % of the heap left free), so a local stack at rest does not keep the peak of its start-up
        env.put("JAVA_OPTS_KC_HEAP", String.join(" ", "-Xms64m -Xmx512m -XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=30000", String.join(" ", JavaOptions.footprint())));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", admin[0]);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", admin[1]);
        env.putAll(environment);
        return builder.start();
    }

    private void awaitReady(Duration timeout) {
        Instant started = Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/" + realm
                + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " (log " + log + "):\n"
                        + tail());
            }
            try {
                HttpResponse<String> response = http.send(discovery, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode doc = JsonMapper.builder().build().readTree(response.body());
                    String advertised = doc.path("issuer").asString("");
                    if (!advertised.equals(issuer())) {
                        close();
                        throw new IllegalStateException("Keycloak advertises issuer " + advertised + ", expected "
                                + issuer());
                    }
                    LOG.info("Keycloak ready at {} (issuer {}) after {} ms", baseUrl(), issuer(),
                            Duration.between(started, Instant.now()).toMillis());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + timeout + " (log " + log + "):\n" + tail());
    }

    /** What tokens carry as {@code iss}: {@code http://localhost:<port>/realms/<realm>}. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    /** Where services and tests talk to Keycloak: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's signing keys, on the back-channel address. */
    public String jwksUri() {
        return baseUrl() + "/realms/" + realm + "/protocol/openid-connect/certs";
    }

    /** The realm's token endpoint, on the back-channel address. */
    public String tokenEndpoint() {
        return baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /**
     * An access token for a user through the realm's {@code m4s-cli} client (password grant: demo scripts, tests,
     * benchmarks). Fails unless Keycloak answers 200.
     */
    public String passwordToken(String username, String password) {
        return token("grant_type=password&client_id=m4s-cli&username="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8), username);
    }

    /**
     * An access token for a confidential client (client credentials grant: a store's DMS with the credential its
     * manager made). Fails unless Keycloak answers 200.
     */
    public String clientToken(String clientId, String secret) {
        return token("grant_type=client_credentials&client_id="
                + java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8) + "&client_secret="
                + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8), clientId);
    }

    private String token(String form, String who) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + who + " refused: " + response.statusCode()
                        + " " + response.body());
            }
            return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String realm() {
        return realm;
    }

    /** Bootstrap admin of the master realm (password grant with client {@code admin-cli} in realm master). */
    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public int port() {
        return port;
    }

    /** This server's Keycloak home (database, import folder). */
    public Path dataDirectory() {
        return home;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the server's output, for error messages. */
    public String tail() {
        return Logs.tail(log, 40);
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public String endpoint() {
        return baseUrl();
    }

    /**
     * Asks Keycloak to stop (TERM), then kills it and its JVM if they have not stopped within 30 seconds. The data
     * directory stays, without its links into the distribution, so that it can be deleted like any folder.
     */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
        unlinkDistribution();
    }

    /** Removes the data directory's links into the distribution (the next start recreates them). */
    private void unlinkDistribution() {
        for (String name : LINKED) {
            try {
                Path link = home.resolve(name);
                if (Files.isSymbolicLink(link)) {
                    Files.delete(link);
                }
            } catch (IOException e) {
                // best effort: they are recreated on the next start anyway
            }
        }
    }

    /** A random secret of 32 URL-safe characters. */
    public static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes properties readable by the owner only (where the file system knows POSIX permissions). */
    public static void writePrivate(Path file, Properties properties, String comment) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            properties.store(out, comment);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() {
        return Ports.free();
    }

    private static void deleteTree(Path dir) throws IOException {
        Distributions.deleteTree(dir);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
