package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.store.support.StoreConsoleTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What tenant-admin tells store-console about a store (name, address, phone, time zone) reaches anyone who reads the
 * store: the store's card and the list of stores to sign up in, open without a token as a shop front is.
 */
class StoreCardTest extends StoreConsoleTest {

    @Test
    void provisioningTellsTheStoresNameAddressPhoneAndZoneAndAnyoneReadsThemOnItsCard() {
        Api.Response provisioned = asService().put("/internal/stores/card_one", Map.of("groupCode", GROUP,
                "timeZone", "Asia/Urumqi", "name", "新疆广汇乌鲁木齐宝马4S店", "address", "乌鲁木齐市新市区北京南路 358 号",
                "phone", "0991-3688888"));
        JsonNode card = anonymous().get("/api/stores/card_one/card").json();

        assertThat(provisioned.status()).as(provisioned.raw()).isEqualTo(200);
        assertThat(card.path("code").asString()).isEqualTo("card_one");
        assertThat(card.path("name").asString()).isEqualTo("新疆广汇乌鲁木齐宝马4S店");
        assertThat(card.path("address").asString()).isEqualTo("乌鲁木齐市新市区北京南路 358 号");
        assertThat(card.path("phone").asString()).isEqualTo("0991-3688888");
        assertThat(card.path("timeZone").asString()).isEqualTo("Asia/Urumqi");
    }

    @Test
    void aRepeatedProvisioningWithoutANameKeepsTheDetailsAndADescriptionChangesThem() {
        asService().put("/internal/stores/card_two", Map.of("groupCode", GROUP, "name", "广州天河丰田4S店",
                "address", "广州市天河区中山大道西 1 号", "phone", "020-85551234"));
        provision("card_two");
        JsonNode kept = anonymous().get("/api/stores/card_two/card").json();
        Map<String, Object> details = new HashMap<>();
        details.put("name", "广汽丰田天河店");
        details.put("address", null);
        details.put("phone", "13800138000");

        Api.Response described = asService().put("/internal/stores/card_two/details", details);
        JsonNode changed = anonymous().get("/api/stores/card_two/card").json();

        assertThat(kept.path("name").asString()).isEqualTo("广州天河丰田4S店");
        assertThat(kept.path("phone").asString()).isEqualTo("020-85551234");
        assertThat(described.status()).as(described.raw()).isEqualTo(200);
        assertThat(changed.path("name").asString()).isEqualTo("广汽丰田天河店");
        assertThat(changed.path("address").isNull()).isTrue();
        assertThat(changed.path("phone").asString()).isEqualTo("13800138000");
        assertThat(asService().put("/internal/stores/card_none/details", details).status()).isEqualTo(404);
        assertThat(anonymous().get("/api/stores/card_none/card").status()).isEqualTo(404);
    }

    @Test
    void aStoreNeverToldItsNameIsShownByItsCode() {
        provision("card_nameless");

        JsonNode card = anonymous().get("/api/stores/card_nameless/card").json();

        assertThat(card.path("name").asString()).isEqualTo("card_nameless");
        assertThat(card.path("address").isNull()).isTrue();
        assertThat(card.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void peopleSigningUpPickFromTheStoresInServiceByNameAndASuspendedStoreIsNotOffered() {
        asService().put("/internal/stores/pick_b", Map.of("groupCode", GROUP, "name", "挑选测试 佛山禅城店"));
        asService().put("/internal/stores/pick_a", Map.of("groupCode", GROUP, "name", "挑选测试 深圳福田店"));
        asService().put("/internal/stores/pick_c", Map.of("groupCode", GROUP, "name", "挑选测试 东莞南城店"));
        asService().put("/internal/stores/pick_c/status", Map.of("status", "SUSPENDED"));

        List<String> found = names(anonymous().get("/api/stores?q=挑选测试"));
        List<String> one = names(anonymous().get("/api/stores?q=福田"));
        List<String> byCode = names(anonymous().get("/api/stores?q=pick_b"));
        Api.Response tooLong = anonymous().get("/api/stores?q=" + "长".repeat(51));

        assertThat(found).containsExactly("挑选测试 佛山禅城店", "挑选测试 深圳福田店");
        assertThat(one).contains("挑选测试 深圳福田店").doesNotContain("挑选测试 佛山禅城店");
        assertThat(byCode).containsExactly("挑选测试 佛山禅城店");
        assertThat(names(anonymous().get("/api/stores?q=%25"))).as("a % in the text is a character").isEmpty();
        assertThat(tooLong.status()).isEqualTo(400);
    }

    private static List<String> names(Api.Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.json().findValuesAsString("name");
    }
}
