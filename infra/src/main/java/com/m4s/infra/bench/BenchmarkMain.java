package com.m4s.infra.bench;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./mvnw -Pbench verify}: starts a fresh stack on free ports and prints figures for provisioning stores,
 * restarting store-console with all of them, listing and searching members (at two sizes of store, with CPU
 * profiles of the services), what token security costs on a read, searching the used-car market at scale, points
 * ledger postings against pgbench's TPC-B on the same PostgreSQL, the DMS import rate (file and REST batch), an
 * owner's search of the mall against the same query sent straight to Elasticsearch, and the memory the idle stack
 * keeps. Not a test: nothing passes or fails on the figures. Knobs (also which parts run):
 * see {@link BenchConfig}.
 */
public final class BenchmarkMain {

    /**
     * How long the stack is left alone before its memory is read: long enough for the services' pools to let the
     * connections the load opened go (30 s unused, checked every 30 s), as on a real idle deployment.
     */
    private static final Duration MEMORY_IDLE = Duration.ofSeconds(65);

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        BenchConfig config = BenchConfig.load();
        Path home = Path.of(System.getProperty("m4s.home", ".")).toAbsolutePath().normalize();
        System.out.println("M4S benchmark (" + config + ") from " + home);
        long start = System.nanoTime();
        // the ledger part shows what each of a posting's statements costs the server
        System.setProperty(com.m4s.platform.servers.LocalPostgres.STATEMENT_STATISTICS, "true");
        try (BenchEnvironment environment = BenchEnvironment.start(home)) {
            System.out.println("Stack started in " + Format.seconds(Duration.ofNanos(System.nanoTime() - start))
                    + " (data in " + environment.dataDir() + ", deleted at the end)");
            Stack stack = environment.stack();
            CpuMeter cpu = new CpuMeter(environment.dataDir(), stack::processes);
            Optional<CpuMeter.Snapshot> cpuAfterStart = cpu.snapshot();

            Optional<StartupMigrationBench.Restart> noStores = config.runs(2)
                    ? Optional.of(StartupMigrationBench.runEmpty(stack)) : Optional.empty();
            ProvisioningBench.Result provisioning = new ProvisioningBench(new Api(stack.gatewayUrl())
                    .withToken(stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD)),
                    config.stores()).run();
            if (provisioning.active().isEmpty()) {
                throw new IllegalStateException("no store became ACTIVE; nothing more to measure");
            }
            String first = provisioning.active().getFirst();
            StartupMigrationBench.Result startup = config.runs(2) ? StartupMigrationBench.run(stack, noStores) : null;
            MemberQueryBench.Result queries = config.runs(3) ? new MemberQueryBench(stack, config, cpu,
                    home.resolve("infra/target/bench-profiles")).run(first) : null;
            if (config.runs(4) && !config.runs(3)) {
                // part 4 reads the first page of members: without part 3 the store would be empty
                new MemberLoader(new Api(stack.gatewayUrl()).withToken(stack.keycloak()
                        .passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD)), 4).load(first, 100);
            }
            SecurityOverheadBench.Result security = config.runs(4)
                    ? new SecurityOverheadBench(stack, config, cpu).run(first) : null;
            UsedCarMarketBench.Result market = config.runs(5)
                    ? new UsedCarMarketBench(stack, config, cpu).run(provisioning.active()) : null;
            PointsLedgerBench.Result ledger = config.runs(6) ? new PointsLedgerBench(stack, config, cpu,
                    home.resolve("infra/target/bench-profiles")).run(first) : null;
            DmsImportBench.Result imports = config.runs(7) ? new DmsImportBench(stack, config).run(first) : null;
            MallSearchBench.Result mall = config.runs(8) ? new MallSearchBench(stack, config, cpu).run(first) : null;
            int logProblems = ServiceLogs.print(stack);
            StackMemory.Result memory = StackMemory.measure(stack, MEMORY_IDLE);
            memory.print();

            Summary summary = new Summary();
            summary.add("settings", config.toString());
            provisioning.summarize(summary);
            if (startup != null) {
                startup.summarize(summary);
            }
            if (queries != null) {
                queries.summarize(summary);
            }
            if (security != null) {
                security.summarize(summary);
            }
            if (market != null) {
                market.summarize(summary);
            }
            if (ledger != null) {
                ledger.summarize(summary);
            }
            if (imports != null) {
                imports.summarize(summary);
            }
            if (mall != null) {
                mall.summarize(summary);
            }
            memory.summarize(summary);
            summary.add("service logs", logProblems + " WARN/ERROR lines (listed above)");
            cpu.since(cpuAfterStart).ifPresent(usage -> summary.add("CPU after start-up", usage.toString()));
            summary.add("total run", Format.seconds(Duration.ofNanos(System.nanoTime() - start)));
            summary.print(environment.postgresVersion());
        }
    }
}
