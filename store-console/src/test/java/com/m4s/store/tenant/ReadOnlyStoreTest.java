package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.store.support.StoreConsoleTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A READ_ONLY store (its group's subscription unpaid past the grace period, decision 0047) answers every read and
 * refuses every write with 403 store-read-only in the caller's language; back to ACTIVE, it is writable again with
 * everything it had.
 */
class ReadOnlyStoreTest extends StoreConsoleTest {

    private static final String STORE = "ro_store";

    @Autowired
    TenantDirectory directory;

    @Test
    void aReadOnlyStoreServesReadsRefusesWritesAndLosesNothing() {
        provision(STORE);
        Api.Response member = api().post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "只读前", "phone", "13300000021")));
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        String id = member.json().path("id").asString();

        Api.Response readOnly = asService().put("/internal/stores/" + STORE + "/status",
                Map.of("status", "READ_ONLY"));
        Api.Response list = api().get("/api/stores/" + STORE + "/members");
        Api.Response one = api().get("/api/stores/" + STORE + "/members/" + id);
        Api.Response card = anonymous().get("/api/stores/" + STORE + "/card");
        Api.Response create = api().withLanguage("zh-CN").post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "只读中", "phone", "13300000022")));
        Api.Response createEnglish = api().withLanguage("en").post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "只读中", "phone", "13300000022")));
        Api.Response delete = api().delete("/api/stores/" + STORE + "/members/" + id);

        assertThat(readOnly.status()).as(readOnly.raw()).isEqualTo(200);
        assertThat(readOnly.json().path("status").asString()).isEqualTo("READ_ONLY");
        assertThat(directory.find(STORE).orElseThrow().status()).isEqualTo(TenantRegistry.Status.READ_ONLY);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.raw()).contains("只读前");
        assertThat(one.status()).isEqualTo(200);
        assertThat(card.status()).as("owner-facing reads work").isEqualTo(200);
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.problemType()).isEqualTo("store-read-only");
        assertThat(create.json().path("detail").asString()).contains("ro_store", "所有数据仍可查看", "付清订阅费用");
        assertThat(createEnglish.json().path("detail").asString())
                .contains("everything can still be read", "as soon as the group's subscription is paid");
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.problemType()).isEqualTo("store-read-only");
        assertThat(directory.activeTenants()).as("background work goes on in a read-only store")
                .anyMatch(t -> t.storeCode().equals(STORE));

        Api.Response writable = asService().put("/internal/stores/" + STORE + "/status", Map.of("status", "ACTIVE"));
        Api.Response after = api().post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "恢复后", "phone", "13300000023")));

        assertThat(writable.status()).isEqualTo(200);
        assertThat(after.status()).as(after.raw()).isEqualTo(201);
        assertThat(api().get("/api/stores/" + STORE + "/members/" + id).json().path("profile").path("name")
                .asString()).as("nothing was lost").isEqualTo("只读前");
        assertThat(strings("select count(*) from store_ro_store.member")).containsExactly("2");
    }
}
