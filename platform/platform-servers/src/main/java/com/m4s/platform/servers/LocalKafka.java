package com.m4s.platform.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run as a child process
 * from the Kafka jars on Maven Central (module {@code platform/kafka-broker} lists them). Plain-text listeners on
 * 127.0.0.1, replication factor 1 everywhere.
 *
 * <p>The data directory keeps the log and metadata: {@link #stop()} or {@link #kill()} followed by {@link #start()}
 * brings the same broker back on the same ports with its topics and offsets, which is what fault tests need.
 */
public final class LocalKafka implements LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final String CLASS_PATH = "/com/m4s/platform/servers/kafka-broker.classpath";
    private static final String STARTED = "Kafka Server started";
    /** Longer on a loaded machine: {@code -Dm4s.servers.start-timeout=PT10M}. */
    private static final Duration START_TIMEOUT = Duration.parse(System.getProperty("m4s.servers.start-timeout",
            "PT2M"));

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final String classPath;
    private Process process;
    private Path log;

    private LocalKafka(Path dataDirectory, int port, int controllerPort, String classPath) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classPath = classPath;
    }

    /**
     * Starts a broker whose data lives in {@code dataDirectory} (formatted on first use).
     *
     * @param port client port on 127.0.0.1, or 0 for any free port
     */
    public static LocalKafka start(Path dataDirectory, int port) {
        LocalKafka kafka = new LocalKafka(dataDirectory.toAbsolutePath(), port > 0 ? port : freePort(), freePort(),
                brokerClassPath());
        kafka.start();
        return kafka;
    }

    /** Starts the broker again after {@link #stop()} or {@link #kill()}, with the same data and ports. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            Path properties = writeConfiguration();
            if (!Files.exists(dataDirectory.resolve("log").resolve("meta.properties"))) {
                format(properties);
            }
            log = dataDirectory.resolve("kafka.log");
            Instant started = Instant.now();
            long logOffset = Files.exists(log) ? Files.size(log) : 0;
            process = java("kafka.Kafka", properties.toString()).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    log.toFile())).start();
            awaitStarted(logOffset);
            LOG.info("Kafka ready on {} in {} ms", bootstrapServers(),
                    Duration.between(started, Instant.now()).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka in " + dataDirectory, e);
        }
    }

    /** Stops the broker cleanly (controlled shutdown); its data stays for {@link #start()}. */
    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(30));
        }
    }

    /** Kills the broker at once, as a crash would; its data stays for {@link #start()}. */
    public synchronized void kill() {
        if (process != null) {
            Processes.kill(process);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code 127.0.0.1:<port>}, for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String endpoint() {
        return bootstrapServers();
    }

    /** The last lines of the broker's log, for error messages. */
    public String tail() {
        return log == null ? "(not started)" : Logs.tail(log, 40);
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfiguration() throws IOException {
        Path properties = dataDirectory.resolve("server.properties");
        String logDir = dataDirectory.resolve("log").toString();
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=6",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") , StandardCharsets.UTF_8);
        Files.writeString(dataDirectory.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=OUT",
                "appender.out.type=Console",
                "appender.out.name=OUT",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                "logger.kafka.name=kafka",
                "logger.kafka.level=INFO",
                "logger.state.name=state.change.logger",
                "logger.state.level=WARN",
                "logger.org.name=org.apache.kafka",
                "logger.org.level=WARN",
                ""), StandardCharsets.UTF_8);
        return properties;
    }

    private void format(Path properties) throws IOException {
        Path formatLog = dataDirectory.resolve("format.log");
        Process formatting = java("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                properties.toString()).redirectOutput(formatLog.toFile()).start();
        try {
            if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
                Processes.kill(formatting);
                throw new IllegalStateException("formatting Kafka storage failed:\n" + Logs.tail(formatLog, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
        command.addAll(JavaOptions.footprint());
        command.addAll(List.of("-Dlog4j2.configurationFile=" + dataDirectory.resolve("log4j2.properties"),
                "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dataDirectory.toFile()).redirectErrorStream(true);
    }

    private void awaitStarted(long logOffset) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + ":\n" + tail());
            }
            if (Files.exists(log) && Files.size(log) > logOffset) {
                try (InputStream in = Files.newInputStream(log)) {
                    in.skipNBytes(logOffset);
                    if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(STARTED)) {
                        return;
                    }
                }
            }
            sleep(100);
        }
        Processes.kill(process);
        throw new IllegalStateException("Kafka did not start within " + START_TIMEOUT + ":\n" + tail());
    }

    /**
     * A KRaft cluster id as Kafka's own generator makes one: 16 random bytes, URL-safe base64 without padding, drawn
     * again while it begins with {@code -} (the storage tool would read such an id as an option and stop with
     * "argument --cluster-id/-t: expected one argument") or is the all-zero id Kafka reserves.
     */
    static String clusterId() {
        return clusterId(UUID::randomUUID);
    }

    static String clusterId(java.util.function.Supplier<UUID> random) {
        while (true) {
            UUID uuid = random.get();
            if (uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0) {
                continue;
            }
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static String brokerClassPath() {
        try (InputStream in = LocalKafka.class.getResourceAsStream(CLASS_PATH)) {
            if (in == null) {
                throw new IllegalStateException("no " + CLASS_PATH + " on the class path: build platform/kafka-broker");
            }
            String classPath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String jar : classPath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(jar))) {
                    throw new IllegalStateException("Kafka jar " + jar + " is missing from the local Maven repository:"
                            + " build platform/kafka-broker again");
                }
            }
            return classPath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        return Ports.free();
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
