package com.m4s.infra.bench;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code ./mvnw -Pbench verify}: starts a fresh stack on free ports and prints figures for provisioning stores,
 * restarting store-console with all of them, listing and searching members, and what token security costs on a
 * read. Not a test: nothing passes or fails on the figures. Knobs: see {@link BenchConfig}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        BenchConfig config = BenchConfig.load();
        Path home = Path.of(System.getProperty("m4s.home", ".")).toAbsolutePath().normalize();
        System.out.println("M4S benchmark (" + config + ") from " + home);
        long start = System.nanoTime();
        try (BenchEnvironment environment = BenchEnvironment.start(home)) {
            System.out.println("Stack started in " + Format.seconds(Duration.ofNanos(System.nanoTime() - start))
                    + " (data in " + environment.dataDir() + ", deleted at the end)");
            Stack stack = environment.stack();
            CpuMeter cpu = new CpuMeter(environment.dataDir());
            Optional<CpuMeter.Snapshot> cpuAfterStart = cpu.snapshot();

            ProvisioningBench.Result provisioning = new ProvisioningBench(new Api(stack.gatewayUrl())
                    .withToken(stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD)),
                    config.stores()).run();
            if (provisioning.active().isEmpty()) {
                throw new IllegalStateException("no store became ACTIVE; nothing more to measure");
            }
            StartupMigrationBench.Result startup = StartupMigrationBench.run(stack);
            MemberQueryBench.Result queries = new MemberQueryBench(stack, config, cpu)
                    .run(provisioning.active().getFirst());
            SecurityOverheadBench.Result security = new SecurityOverheadBench(stack, config, cpu)
                    .run(provisioning.active().getFirst());
            int logProblems = ServiceLogs.print(stack);

            Summary summary = new Summary();
            summary.add("settings", config + " (warm-up " + MemberQueryBench.WARM_UP.toSeconds() + " s)");
            provisioning.summarize(summary);
            startup.summarize(summary);
            queries.summarize(summary);
            security.summarize(summary);
            summary.add("service logs", logProblems + " WARN/ERROR lines (listed above)");
            cpu.since(cpuAfterStart).ifPresent(usage -> summary.add("CPU after start-up", usage.toString()));
            summary.add("total run", Format.seconds(Duration.ofNanos(System.nanoTime() - start)));
            summary.print(environment.postgresVersion());
        }
    }
}
