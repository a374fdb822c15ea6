package com.m4s.platform.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch from the integ-test distribution on Maven Central
 * ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip}), run as a child process on 127.0.0.1
 * with security off, plus Chinese analysis: the {@code smartcn} analyzer and {@code smartcn_tokenizer} from the
 * plugin built in {@code platform/elasticsearch-smartcn}. That distribution has only the {@code standard} and
 * {@code keyword} analyzers of its own.
 *
 * <p>Two directories, as for {@link LocalKeycloak}:
 * <ul>
 * <li>the <em>work directory</em> holds the unzipped distribution with the plugin installed. It is made once and
 * shared by servers of this and other JVMs (by default {@code <java.io.tmpdir>/m4s-elasticsearch-<user>}).</li>
 * <li>the <em>data directory</em> is this server's: its own configuration folder ({@code config}, copied from the
 * distribution; the server writes its keystore there), index data, logs and temporary files. {@link #stop()} or
 * {@link #kill()} followed by {@link #start()} brings the same node back on the same ports with its indices.</li>
 * </ul>
 *
 * <p>Elasticsearch refuses to run as root. When this JVM is root (CI), the server runs as system user
 * {@code m4s-search} (created on first use; {@code nobody} if that fails), which then owns the data directory and
 * must be able to read the work directory and the JDK. The server is stopped when this JVM exits.
 */
public final class LocalElasticsearch implements LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final String DIST_GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip";
    /**
     * Up to 512 MB, starting small: a single local node needs no pre-sized heap (the equal sizes production asks for
     * are a bootstrap check that a single-node cluster does not enforce), and with the collection flags below it gives
     * memory back when idle.
     */
    private static final String HEAP = "-Xms128m -Xmx512m";
    /** Longer on a loaded machine: {@code -Dm4s.servers.start-timeout=PT10M}. */
    private static final Duration START_TIMEOUT = Duration.parse(System.getProperty("m4s.servers.start-timeout",
            "PT3M"));
    private static final ReentrantLock DIST_LOCK = new ReentrantLock();

    private final Path workDirectory;
    private final Path dataDirectory;
    private final int port;
    private final int transportPort;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;

    private LocalElasticsearch(Path workDirectory, Path dataDirectory, int port, int transportPort) {
        this.workDirectory = workDirectory;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.transportPort = transportPort;
        this.log = dataDirectory.resolve("elasticsearch-console.log");
    }

    /**
     * Starts a node on the shared work directory ({@link #defaultWorkDirectory()}).
     *
     * @param dataDirectory this node's configuration, indices and logs; kept between runs
     * @param port HTTP port on 127.0.0.1, or 0 for any free port
     */
    public static LocalElasticsearch start(Path dataDirectory, int port) {
        return start(defaultWorkDirectory(), dataDirectory, port);
    }

    /**
     * Starts a node.
     *
     * @param workDirectory where the distribution is unzipped (with the plugin installed) and kept
     * @param dataDirectory this node's configuration, indices and logs; kept between runs
     * @param port HTTP port on 127.0.0.1, or 0 for any free port
     */
    public static LocalElasticsearch start(Path workDirectory, Path dataDirectory, int port) {
        LocalElasticsearch server = new LocalElasticsearch(workDirectory.toAbsolutePath().normalize(),
                dataDirectory.toAbsolutePath().normalize(), port > 0 ? port : Ports.free(), Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "m4s-elasticsearch-stop"));
        server.start();
        return server;
    }

    /** {@code <java.io.tmpdir>/m4s-elasticsearch-<user>}: one unzipped distribution per machine and user. */
    public static Path defaultWorkDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "m4s-elasticsearch-" + System.getProperty("user.name"));
    }

    /** Starts the node (again after {@link #stop()} or {@link #kill()}) with the same data and ports. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Instant started = Instant.now();
            Path dist = prepareDistribution(workDirectory);
            Path config = prepareDataDirectory(dist);
            process = launch(dist, config);
            awaitReady();
            LOG.info("Elasticsearch ready at {} in {} ms", url(), Duration.between(started, Instant.now()).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Elasticsearch in " + dataDirectory, e);
        }
    }

    private Process launch(Path dist, Path config) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", dist.resolve("bin/elasticsearch").toString()));
        for (Map.Entry<String, String> setting : settings().entrySet()) {
            command.addAll(List.of("-E", setting.getKey() + "=" + setting.getValue()));
        }
        if (UnprivilegedUser.runningAsRoot()) {
            UnprivilegedUser user = UnprivilegedUser.obtain();
            user.own(dataDirectory);
            user.requireReachable(dist);
            user.requireReachable(javaHome());
            user.requireReachable(dataDirectory);
            command = user.run(command);
            LOG.info("Starting Elasticsearch {} on port {} as user {} (this JVM is root), data in {}", version(), port,
                    user.name(), dataDirectory);
        } else {
            LOG.info("Starting Elasticsearch {} on port {}, data in {}", version(), port, dataDirectory);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dataDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        useThisJdk(env);
        env.put("ES_JAVA_OPTS", HEAP);
        env.put("ES_PATH_CONF", config.toString());
        env.put("ES_TMPDIR", dataDirectory.resolve("tmp").toString());
        env.put("HOME", dataDirectory.toString());
        return builder.start();
    }

    /**
     * Drops inherited Java and Elasticsearch settings from a child's environment and points Elasticsearch's scripts at
     * the JDK this JVM runs on (the one the build selected; the distribution bundles none).
     */
    static void useThisJdk(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("ES_") || k.equals("CLI_JAVA_OPTS") || k.equals("JAVA_HOME")
                || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        env.put("ES_JAVA_HOME", javaHome().toString());
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** Stops the node cleanly (TERM, then killed after 30 s); its data stays for {@link #start()}. */
    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(30));
        }
    }

    /** Kills the node and its launcher at once, as a crash would; its data stays for {@link #start()}. */
    public synchronized void kill() {
        if (process != null) {
            Processes.kill(process);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:<port>}, for clients. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** This node's configuration, indices and logs. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The launcher's and the node's console output. */
    public Path log() {
        return log;
    }

    /** The last lines of the node's console output, for error messages. */
    public String tail() {
        return Logs.tail(log, 40);
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public String endpoint() {
        return url();
    }

    @Override
    public void close() {
        stop();
    }

    /** The Elasticsearch version this build uses. */
    public static String version() {
        try (InputStream in = LocalElasticsearch.class.getResourceAsStream("elasticsearch.properties")) {
            Properties p = new Properties();
            p.load(Objects.requireNonNull(in, "elasticsearch.properties missing from platform-servers"));
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distribution zip in the local Maven repository ({@code -Dm4s.maven.repository}, else ~/.m2/repository). */
    public static Path distributionZip() {
        return Distributions.artifact(DIST_GROUP_PATH, "elasticsearch", version(), "Elasticsearch");
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "m4s-local");
        settings.put("node.name", "m4s-search");
        settings.put("discovery.type", "single-node");
        settings.put("xpack.security.enabled", "false");
        settings.put("http.host", "127.0.0.1");
        settings.put("transport.host", "127.0.0.1");
        settings.put("http.port", String.valueOf(port));
        settings.put("transport.port", String.valueOf(transportPort));
        settings.put("path.data", dataDirectory.resolve("data").toString());
        settings.put("path.logs", dataDirectory.resolve("logs").toString());
        // a small or nearly full disk must not make indices read-only or leave shards unassigned
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        return settings;
    }

    /** Unzips the distribution and installs the plugin, once per work directory and plugin build. */
    private static Path prepareDistribution(Path work) throws IOException {
        Files.createDirectories(work);
        DIST_LOCK.lock();
        try (FileChannel channel = FileChannel.open(work.resolve(".m4s-elasticsearch.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Path dist = work.resolve("elasticsearch-" + version());
            if (!Distributions.isUnzipped(dist)) {
                Distributions.unzip(distributionZip(), dist, p -> !p.toString().endsWith(".bat")
                        && !p.toString().endsWith(".exe"));
            }
            SmartcnPlugin.ensureInstalled(dist);
            return dist;
        } finally {
            DIST_LOCK.unlock();
        }
    }

    /** Creates the data directory's folders and its configuration folder; returns the latter. */
    private Path prepareDataDirectory(Path dist) throws IOException {
        for (String folder : List.of("data", "logs", "tmp")) {
            Files.createDirectories(dataDirectory.resolve(folder));
        }
        Path config = dataDirectory.resolve("config");
        if (!Files.isRegularFile(config.resolve("elasticsearch.yml"))) {
            Distributions.deleteTree(config);
            copyTree(dist.resolve("config"), config);
        }
        Path options = config.resolve("jvm.options.d");
        Files.createDirectories(options);
        // after the distribution's jvm.options: no GC log files (up to 2 GB) and no heap dumps on a small disk; the
        // client compiler only and no heap pre-touching, which start a node in ~18 s instead of ~27 s on 2 busy cores
        Files.writeString(options.resolve("m4s.options"), String.join("\n",
                "# written by LocalElasticsearch at every start: a node for tests and the local stack",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr:utctime,level,tags",
                "-XX:-HeapDumpOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-XX:-AlwaysPreTouch",
                // give memory back when idle: a collection after 30 s without one, at most 30 % of the heap free
                "-XX:G1PeriodicGCInterval=30000",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30",
                // smaller objects where the JDK offers it (JavaOptions.footprint)
                "25-:-XX:+UseCompactObjectHeaders",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private void awaitReady() throws IOException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow"
                + "&timeout=1s")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + " (log " + log
                        + "):\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Processes.kill(process);
                throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
            }
            sleep(250);
        }
        Processes.kill(process);
        throw new IllegalStateException("Elasticsearch was not ready within " + START_TIMEOUT + " (log " + log
                + "):\n" + tail());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
