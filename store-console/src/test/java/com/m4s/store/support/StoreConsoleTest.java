package com.m4s.store.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.ServiceTest;
import com.m4s.platform.test.StoreWriteLog;
import com.m4s.platform.test.TestElasticsearch;
import com.m4s.platform.test.TestKafka;
import com.m4s.platform.test.stripe.StripeTestServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** A store-console test; {@link #provision(String)} brings up the stores a test needs. */
public abstract class StoreConsoleTest extends ServiceTest {

    /** The dealer group test stores belong to. */
    protected static final String GROUP = "test_group";
    /** The signing secret of the Stripe connect webhook endpoint the service checks ({@code m4s.stripe.*}). */
    protected static final String STRIPE_CONNECT_SECRET = "whsec_test_connect";

    /**
     * The first column of each row a query gives, as text, in the rows' order: read on the database itself (its
     * superuser), outside the service, so a test can check what was written independently of the API. The
     * {@code parameters} bind the query's {@code ?} in order.
     */
    protected static java.util.List<String> strings(String sql, Object... parameters) {
        try (java.sql.Connection c = database.connect(); java.sql.PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Provisions a store of {@link #GROUP} as tenant-admin would, and fails the test if that does not succeed. */
    protected void provision(String store) {
        Api.Response response = provisionRequest(store);
        if (response.status() != 200) {
            throw new AssertionError("provisioning " + store + " failed: " + response.raw());
        }
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        TestKafka.register(registry);
        TestElasticsearch.register(registry);
        StripeTestServer.register(registry);
        registry.add("m4s.stripe.connect-webhook-secret", () -> STRIPE_CONNECT_SECRET);
    }

    /**
     * After each test class: every row the service wrote in any store schema during it has its audit entry (PERM-2),
     * whichever code path wrote it. See {@link StoreWriteLog}.
     */
    @AfterAll
    static void everyStoreWriteIsInTheAuditTrail() {
        assertThat(StoreWriteLog.unaudited(DERIVED_TABLES)).as("store writes without an audit entry").isEmpty();
    }

    /** The tables of the entities marked {@link com.m4s.platform.audit.Derived}: audited through their ledger's entries. */
    protected static final java.util.Set<String> DERIVED_TABLES = derivedTables();

    private static java.util.Set<String> derivedTables() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                com.m4s.platform.audit.Derived.class));
        java.util.Set<String> tables = new java.util.TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("com.m4s.store")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                tables.add(type.getAnnotation(jakarta.persistence.Table.class).name());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return java.util.Set.copyOf(tables);
    }

    protected Api.Response provisionRequest(String store) {
        return asService().put("/internal/stores/" + store, Map.of("groupCode", GROUP));
    }
}
