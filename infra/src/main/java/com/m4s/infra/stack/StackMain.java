package com.m4s.infra.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -Pstack verify}: starts the platform on this machine with demo data and prints where to go.
 * Data stays in {@code .m4s/} at the project root between runs; delete it for a fresh start.
 */
public final class StackMain {

    private StackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("m4s.home", ".")).toAbsolutePath().normalize();
        Path data = home.resolve(".m4s");
        System.out.println("Starting M4S from " + home + " (data in " + data + ") ...");
        Stack stack = Stack.start(Stack.Config.standard(home, data));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping M4S ...");
            stack.close();
            stopped.countDown();
        }));
        List<String> stores = new DemoData(stack).ensure();
        String gw = "http://localhost:8080";
        System.out.println("""

                M4S is running.
                  Web UI                 %1$s/
                  Dealer groups (API)    %1$s/api/admin/groups
                  Stores (API)           %1$s/api/admin/stores
                  Members of a store     %1$s/api/stores/%2$s/members
                  OpenAPI documents      %1$s/openapi/tenant-admin  and  %1$s/openapi/store-console
                  PostgreSQL             %3$s (user %4$s)
                  Keycloak               %8$s  (realm m4s; admin console %9$s/admin, user %10$s)
                  Kafka                  %11$s  (domain events, topics m4s.<context>)
                  Elasticsearch          %12$s  (search; Chinese analyzer smartcn)
                  Logs                   %5$s
                Demo dealer group '%6$s' with stores %7$s.
                Demo users (password demo1234): operator, exec.huanan, manager.gz_tianhe, deputy.gz_tianhe,
                  manager.sz_futian, staff.gz_tianhe, owner.13800138001. A token for the API:
                  curl -s -d grant_type=password -d client_id=m4s-cli -d username=manager.gz_tianhe \\
                       -d password=demo1234 %8$s/protocol/openid-connect/token
                The DMS of %2$s: its credential (client id, secret, token URL, batch path) is in %13$s.
                Press Ctrl+C to stop.
                """.formatted(gw, stores.getFirst(), stack.jdbcUrl(), stack.dbUser(), home.resolve(".m4s/logs"),
                DemoData.GROUP, stores, stack.keycloak().issuer(), "http://localhost:" + stack.keycloak().port(),
                stack.keycloak().adminUsername(), stack.kafka().bootstrapServers(),
                stack.elasticsearch().url(), data.resolve("dms-" + DemoData.BELL_STORE + ".properties")));
        stopped.await();
    }
}
