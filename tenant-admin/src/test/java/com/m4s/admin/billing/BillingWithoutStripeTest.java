package com.m4s.admin.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.ServiceTest;
import com.m4s.platform.test.TestUsers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A deployment without Stripe keys runs: the billing page says Stripe is not configured, whatever needs Stripe
 * answers 409 stripe-not-configured, and the group's connected account (for owners' payments) still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // the store-console stand-in is gone after the class
class BillingWithoutStripeTest extends ServiceTest {

    private static final String GROUP = "bill_nokey";
    private static final StoreConsoleRecorder STORE_CONSOLE = new StoreConsoleRecorder();

    @DynamicPropertySource
    static void storeConsole(DynamicPropertyRegistry registry) {
        registry.add("m4s.store-console.url", STORE_CONSOLE::url);
    }

    @BeforeAll
    void group() {
        assertThat(api().post("/api/admin/groups", Map.of("code", GROUP, "name", "无密钥集团")).status())
                .isEqualTo(201);
        api().post("/api/admin/groups", Map.of("code", "bill_other", "name", "别的集团"));
        api().post("/api/admin/groups", Map.of("code", "bill_exec", "name", "高管集团"));
    }

    @AfterAll
    void stopStandIn() {
        STORE_CONSOLE.close();
    }

    @Test
    void billingSaysStripeIsNotConfiguredAndEverythingElseWorks() {
        Api.Response view = api().get("/api/admin/groups/" + GROUP + "/billing");
        Api.Response start = api().post("/api/admin/groups/" + GROUP + "/billing/subscription",
                Map.of("plan", "standard"));
        Api.Response startEnglish = api().withLanguage("en").post("/api/admin/groups/" + GROUP
                + "/billing/subscription", Map.of("plan", "standard"));
        Api.Response invoices = api().get("/api/admin/groups/" + GROUP + "/billing/invoices");
        Api.Response portal = api().post("/api/admin/groups/" + GROUP + "/billing/portal-session", "");
        Api.Response unknownPlan = api().post("/api/admin/groups/" + GROUP + "/billing/subscription",
                Map.of("plan", "gold"));
        Api.Response webhook = anonymous().post("/api/admin/billing/stripe-webhook", "{}");

        assertThat(view.status()).as(view.raw()).isEqualTo(200);
        assertThat(view.json().path("stripeConfigured").asBoolean()).isFalse();
        assertThat(view.json().path("status").asString()).isEqualTo("NONE");
        assertThat(view.json().path("trialDays").asInt()).isEqualTo(30);
        assertThat(view.json().path("gracePeriodDays").asInt()).isEqualTo(14);
        assertThat(view.json().path("plans").findValuesAsString("code")).containsExactly("standard", "premium");
        assertThat(view.json().path("plans").findValues("monthlyFenPerStore")).extracting(n -> n.asLong())
                .containsExactly(29_900L, 59_900L);
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.problemType()).isEqualTo("stripe-not-configured");
        assertThat(startEnglish.json().path("title").asString()).isNotBlank();
        assertThat(invoices.problemType()).isEqualTo("stripe-not-configured");
        assertThat(portal.problemType()).isEqualTo("stripe-not-configured");
        assertThat(unknownPlan.status()).isEqualTo(422);
        assertThat(unknownPlan.problemType()).isEqualTo("billing-plan-unknown");
        assertThat(webhook.status()).isEqualTo(409);
        assertThat(webhook.problemType()).isEqualTo("stripe-not-configured");
        assertThat(count("select count(*) from admin.billing_event")).isZero();
    }

    @Test
    void theConnectedAccountIsKeptAndToldToStoreConsole() {
        Api.Response set = api().put("/api/admin/groups/" + GROUP + "/payment-account",
                Map.of("stripeAccountId", "acct_1GroupNoKey"));
        Api.Response bad = api().put("/api/admin/groups/" + GROUP + "/payment-account",
                Map.of("stripeAccountId", "acct-1"));
        Map<String, Object> none = new HashMap<>();
        none.put("stripeAccountId", null);
        Api.Response cleared = api().put("/api/admin/groups/" + GROUP + "/payment-account", none);

        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.json().path("stripeAccountId").asString()).isEqualTo("acct_1GroupNoKey");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.raw()).contains("Stripe 关联账户");
        assertThat(cleared.json().path("stripeAccountId").isNull()).isTrue();
        assertThat(STORE_CONSOLE.calls("PUT /internal/groups/" + GROUP + "/payment-account")).containsExactly(
                "PUT /internal/groups/" + GROUP + "/payment-account {\"stripeAccountId\":\"acct_1GroupNoKey\"}",
                "PUT /internal/groups/" + GROUP + "/payment-account {\"stripeAccountId\":null}");
    }

    @Test
    void executivesReadAndChangeTheirOwnGroupsBillingOnly() {
        String own = TestUsers.executive("bill_exec");
        String other = TestUsers.executive("bill_other");

        assertThat(as(own).get("/api/admin/groups/" + "bill_exec" + "/billing").status()).isEqualTo(200);
        assertThat(as(own).put("/api/admin/groups/" + "bill_exec" + "/payment-account",
                Map.of("stripeAccountId", "acct_1Own")).status()).isEqualTo(200);
        Api.Response foreign = as(other).get("/api/admin/groups/" + "bill_exec" + "/billing");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.problemType()).isEqualTo("group-access-denied");
        assertThat(as(other).put("/api/admin/groups/" + "bill_exec" + "/payment-account",
                Map.of("stripeAccountId", "acct_1Thief")).status()).isEqualTo(403);
    }

    private static long count(String sql) {
        try (var c = database.connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
