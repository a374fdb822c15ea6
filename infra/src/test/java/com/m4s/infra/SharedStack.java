package com.m4s.infra;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.test.stripe.StripeTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One stack per test JVM for the end-to-end classes: starting one costs minutes (Keycloak), so they share it. It
 * stops, and its data folder is deleted, when the JVM exits; the services' logs are kept first in
 * {@code target/stack-logs/<data folder>/} (one folder per test JVM) (the server side of a failed step, e.g. a 500's stack trace).
 */
final class SharedStack {

    /** The signing secrets of the fixture's webhook endpoints, as the services are told them. */
    static final String CONNECT_WEBHOOK_SECRET = "whsec_e2e_connect";
    static final String PLATFORM_WEBHOOK_SECRET = "whsec_e2e_platform";

    private static Stack stack;
    private static StripeTestServer stripe;
    private static boolean demoData;

    private SharedStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path home = Path.of(System.getProperty("m4s.home", "..")).toAbsolutePath().normalize();
            Path data = temporaryFolder();
            // Stripe cannot be reached from here: the stack talks to the Stripe test fixture, whose webhooks come in
            // through the gateway as Stripe's would
            stripe = StripeTestServer.start();
            stack = Stack.start(Stack.Config.ephemeral(home, data).withStripe(Map.of(
                    "M4S_STRIPE_SECRET_KEY", StripeTestServer.SECRET_KEY,
                    "M4S_STRIPE_PUBLISHABLE_KEY", StripeTestServer.PUBLISHABLE_KEY,
                    "M4S_STRIPE_API_BASE", stripe.url(),
                    "M4S_STRIPE_JS_URL", stripe.jsUrl(),
                    "M4S_STRIPE_WEBHOOK_SECRET", PLATFORM_WEBHOOK_SECRET,
                    "M4S_STRIPE_CONNECT_WEBHOOK_SECRET", CONNECT_WEBHOOK_SECRET)));
            stripe.connectedAccount(DemoData.DEMO_STRIPE_ACCOUNT);
            stripe.webhookEndpoint(stack.gatewayUrl() + "/api/payments/stripe/webhook", CONNECT_WEBHOOK_SECRET, true);
            stripe.webhookEndpoint(stack.gatewayUrl() + "/api/admin/billing/stripe-webhook", PLATFORM_WEBHOOK_SECRET,
                    false);
            Stack started = stack;
            StripeTestServer fixture = stripe;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                fixture.close();
                keepLogs(data.resolve("logs"), Path.of("target", "stack-logs", data.getFileName().toString()));
                delete(data);
            }, "m4s-test-stack-stop"));
        }
        return stack;
    }

    /** The Stripe test fixture the shared stack talks to. */
    static synchronized StripeTestServer stripe() {
        get();
        return stripe;
    }

    /** The shared stack with the demo dealer group, stores, members and users' data loaded (once). */
    static synchronized Stack withDemoData() {
        Stack running = get();
        if (!demoData) {
            new DemoData(running).ensure();
            demoData = true;
        }
        return running;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("m4s-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keepLogs(Path logs, Path kept) {
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: the logs help after a failure, the run's result does not depend on them
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the folder is under the system's temporary directory
        }
    }
}
