package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DealerGroupDirectoryTest extends StoreConsoleTest {

    private static final String STORE = "dgd_store";

    @Autowired
    DealerGroupDirectory groups;

    @Test
    void theConnectedAccountToldByTenantAdminIsWhatPaymentsRead() {
        assertThat(groups.connectedAccount("dgd_untold")).as("a group nobody told about").isEmpty();

        Api.Response set = asService().put("/internal/groups/dgd_pay/payment-account",
                Map.of("stripeAccountId", "acct_1Nv0FGQ9RKHgCVdK"));
        Api.Response badId = asService().withLanguage("zh-CN").put("/internal/groups/dgd_pay/payment-account",
                Map.of("stripeAccountId", "acct-1Nv0FG"));
        Api.Response badGroup = asService().put("/internal/groups/Bad-Group/payment-account",
                Map.of("stripeAccountId", "acct_1"));

        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.json().path("stripeAccountId").asString()).isEqualTo("acct_1Nv0FGQ9RKHgCVdK");
        assertThat(groups.connectedAccount("dgd_pay")).contains("acct_1Nv0FGQ9RKHgCVdK");
        assertThat(badId.status()).isEqualTo(422);
        assertThat(badId.raw()).contains("Stripe 关联账户");
        assertThat(badGroup.status()).isEqualTo(422);
        assertThat(badGroup.problemType()).isEqualTo("invalid-group-code");
        assertThat(groups.connectedAccount("dgd_pay")).as("a refused change changes nothing")
                .contains("acct_1Nv0FGQ9RKHgCVdK");

        Map<String, Object> none = new HashMap<>();
        none.put("stripeAccountId", null);
        assertThat(asService().put("/internal/groups/dgd_pay/payment-account", none).status()).isEqualTo(200);
        assertThat(groups.connectedAccount("dgd_pay")).isEmpty();
    }

    @Test
    void theStoreConsoleReadsTheGroupsBillingNotice() {
        provision(STORE);
        String staff = TestUsers.staff(GROUP, STORE, "SERVICE");
        Api.Response before = as(staff).get("/api/stores/" + STORE + "/billing-notice");

        Instant readOnlyFrom = Instant.parse("2031-03-15T00:00:00Z");
        Api.Response pastDue = asService().put("/internal/groups/" + GROUP + "/billing",
                Map.of("state", "PAST_DUE", "readOnlyFrom", readOnlyFrom.toString()));
        Api.Response during = as(staff).get("/api/stores/" + STORE + "/billing-notice");
        Api.Response unknownState = asService().put("/internal/groups/" + GROUP + "/billing",
                Map.of("state", "BROKE"));
        Map<String, Object> paid = new HashMap<>();
        paid.put("state", "ACTIVE");
        paid.put("readOnlyFrom", null);
        asService().put("/internal/groups/" + GROUP + "/billing", paid);
        Api.Response after = as(staff).get("/api/stores/" + STORE + "/billing-notice");
        Api.Response owner = as(TestUsers.owner("dgd_owner", STORE)).get("/api/stores/" + STORE + "/billing-notice");

        assertThat(before.status()).as(before.raw()).isEqualTo(200);
        assertThat(before.json().path("state").asString()).isEqualTo("NONE");
        assertThat(pastDue.status()).as(pastDue.raw()).isEqualTo(200);
        assertThat(during.json().path("state").asString()).isEqualTo("PAST_DUE");
        assertThat(Instant.parse(during.json().path("readOnlyFrom").asString())).isEqualTo(readOnlyFrom);
        assertThat(unknownState.status()).isEqualTo(400);
        assertThat(after.json().path("state").asString()).isEqualTo("NONE");
        assertThat(after.json().path("readOnlyFrom").isNull()).isTrue();
        assertThat(owner.status()).as("owners do not use the store console").isEqualTo(403);
    }
}
