package com.m4s.store.member;

import static com.m4s.store.member.MemberFixtures.member;
import static com.m4s.store.member.MemberFixtures.profile;
import static com.m4s.store.member.MemberFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.store.support.StoreConsoleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberApiTest extends StoreConsoleTest {

    private static final String MEMBERS = "/api/stores/gz01/members";

    @BeforeAll
    void stores() {
        provision("gz01");
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping;

    @Test
    void storePathsAreLookedUpBySectionAndAPathOfAnotherSectionIsStillNotFound() {
        assertThat(handlerMapping).isInstanceOf(com.m4s.platform.tenancy.StoreSectionHandlerMapping.class);
        assertThat(api().get(MEMBERS + "?size=1").status()).isEqualTo(200);
        assertThat(api().get("/api/stores/gz01/memberz").status()).isEqualTo(404);
    }

    @Test
    void createsAMemberWithVehiclesAndReadsItBack() {
        Api.Response created = api().post(MEMBERS, member("王小明", "13800000001",
                vehicle("粤A12345", "LBVCU31080S123456")));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        JsonNode read = api().get(MEMBERS + "/" + id).json();
        assertThat(read.path("profile").path("name").asString()).isEqualTo("王小明");
        assertThat(read.path("vehicles").get(0).path("plate").asString()).isEqualTo("粤A12345");
        assertThat(read.path("vehicles").get(0).path("mileageKm").asInt()).isEqualTo(18000);
    }

    @Test
    void normalizesPlateAndVinToUpperCaseWithoutSpaces() {
        Api.Response created = api().post(MEMBERS, member("李雷", "13800000002",
                vehicle("粤b 6u888", "lbvcu31080s654321")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode v = created.json().path("vehicles").get(0);
        assertThat(v.path("plate").asString()).isEqualTo("粤B6U888");
        assertThat(v.path("vin").asString()).isEqualTo("LBVCU31080S654321");
    }

    @Test
    void searchesByNamePhoneAndPlate() {
        api().post(MEMBERS, member("张三丰", "13900001111", vehicle("粤B16888", "LSVAA4182E2000001")));
        api().post(MEMBERS, member("Zhang Wei", "13900002222", vehicle("粤B99999", "LSVAA4182E2000002")));

        assertThat(names(api().get(MEMBERS + "?q=张三").json())).containsExactly("张三丰");
        assertThat(names(api().get(MEMBERS + "?q=zhang").json())).containsExactly("Zhang Wei");
        assertThat(names(api().get(MEMBERS + "?q=00002222").json())).containsExactly("Zhang Wei");
        assertThat(names(api().get(MEMBERS + "?q=b16888").json())).containsExactly("张三丰");
        JsonNode byPlate = api().get(MEMBERS + "?q=粤B16888").json();
        assertThat(byPlate.path("content").get(0).path("plates").get(0).asString()).isEqualTo("粤B16888");
    }

    @Test
    void searchFindsOneChineseCharacterCountsAMemberMatchedTwiceOnceAndTakesWildcardsLiterally() {
        api().post(MEMBERS, member("欧阳娜娜", "13611110001", vehicle("粤C55555", "LSVAA4182E2000011")));
        api().post(MEMBERS, member("C5车主", "13611110002", vehicle("粤C56789", "LSVAA4182E2000012")));
        api().post(MEMBERS, member("阳光", "13611110003"));

        assertThat(names(api().get(MEMBERS + "?q=欧").json())).containsExactly("欧阳娜娜");
        assertThat(names(api().get(MEMBERS + "?q=阳&sort=name,asc").json())).containsExactlyInAnyOrder("欧阳娜娜", "阳光");
        JsonNode nameAndPlate = api().get(MEMBERS + "?q=c5").json();
        assertThat(names(nameAndPlate)).containsExactlyInAnyOrder("欧阳娜娜", "C5车主");
        assertThat(nameAndPlate.path("totalElements").asLong()).isEqualTo(2);
        assertThat(names(api().get(MEMBERS + "?q=0000%203333").json())).isEmpty();
        assertThat(names(api().get(MEMBERS + "?q=%25").json())).isEmpty();
        assertThat(names(api().get(MEMBERS + "?q=_").json())).isEmpty();
    }

    @Test
    void searchIsServedByTheGramIndexesNotByReadingEveryMember() throws Exception {
        String sql = ("explain " + MemberSearch.HITS + " select m.id " + MemberList.MATCHING)
                .replaceAll(":[a-zA-Z]+", "?");
        try (var c = database.connect(); var s = c.createStatement()) {
            s.execute("set search_path to store_gz01; set enable_seqscan = off");
            try (var explain = c.prepareStatement(sql)) {
                explain.setString(1, "王小");
                explain.setString(2, "%王小%");
                explain.setString(3, "%王小%");
                explain.setString(4, "王小");
                explain.setString(5, "%王小%");
                StringBuilder plan = new StringBuilder();
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertThat(plan).as(plan.toString())
                        .contains("Bitmap Index Scan on member_search_grams_idx")
                        .contains("Bitmap Index Scan on vehicle_search_grams_idx")
                        .doesNotContain("Seq Scan");
            }
        }
    }

    @Test
    void aPagePastTheEndIsEmptyAndStillTellsTheTotal() {
        for (int i = 0; i < 3; i++) {
            api().post(MEMBERS, member("Past" + i, "1350000000" + i));
        }

        JsonNode past = api().get(MEMBERS + "?q=past&size=2&page=5").json();

        assertThat(names(past)).isEmpty();
        assertThat(past.path("totalElements").asLong()).isEqualTo(3);
        assertThat(past.path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void pagesAndSortsTheList() {
        for (int i = 0; i < 5; i++) {
            api().post(MEMBERS, member("Page" + i, "1370000000" + i));
        }

        JsonNode first = api().get(MEMBERS + "?q=page&size=2&sort=name,asc").json();
        JsonNode last = api().get(MEMBERS + "?q=page&size=2&page=2&sort=name,asc").json();

        assertThat(first.path("totalElements").asLong()).isEqualTo(5);
        assertThat(first.path("totalPages").asInt()).isEqualTo(3);
        assertThat(names(first)).containsExactly("Page0", "Page1");
        assertThat(names(last)).containsExactly("Page4");
        assertThat(names(api().get(MEMBERS + "?q=page&size=1&sort=name,desc").json())).containsExactly("Page4");
    }

    @Test
    void anEditFromAnOutdatedVersionIsRefusedAndChangesNothing() {
        String id = api().post(MEMBERS, member("李雷", "13600000101")).json().path("id").asString();
        long read = api().get(MEMBERS + "/" + id).json().path("version").asLong();

        // two people opened the same member; the first saves with the version both read
        Api.Response first = api().put(MEMBERS + "/" + id, profile("李雷(VIP)", "13600000101"),
                Map.of("If-Match", "\"" + read + "\""));
        Api.Response second = api().put(MEMBERS + "/" + id, profile("李雷(老客户)", "13600000102"),
                Map.of("If-Match", "\"" + read + "\""));
        Api.Response unreadable = api().put(MEMBERS + "/" + id, profile("李雷", "13600000101"),
                Map.of("If-Match", "\"latest\""));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).isGreaterThan(read);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("concurrent-update");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.problemType()).isEqualTo("bad-if-match");
        JsonNode now = api().get(MEMBERS + "/" + id).json();
        assertThat(now.path("profile").path("name").asString()).isEqualTo("李雷(VIP)");
        assertThat(now.path("profile").path("phone").asString()).isEqualTo("13600000101");
        // the current version is accepted; no If-Match replaces whatever is current
        assertThat(api().put(MEMBERS + "/" + id, profile("李雷(老客户)", "13600000101"),
                Map.of("If-Match", "\"" + now.path("version").asLong() + "\"")).status()).isEqualTo(200);
        assertThat(api().put(MEMBERS + "/" + id, profile("李雷", "13600000101")).status()).isEqualTo(200);
    }

    @Test
    void aVehicleEditFromAnOutdatedVersionIsRefusedAndChangesNothing() {
        String id = api().post(MEMBERS, member("林涛", "13600000111", vehicle("粤C33333", "LFV2A21K0A3000003")))
                .json().path("id").asString();
        JsonNode read = api().get(MEMBERS + "/" + id).json().path("vehicles").get(0);
        String path = MEMBERS + "/" + id + "/vehicles/" + read.path("id").asString();
        Map<String, String> asRead = Map.of("If-Match", "\"" + read.path("version").asLong() + "\"");
        Map<String, Object> serviced = vehicle("粤C33333", "LFV2A21K0A3000003");
        serviced.put("mileageKm", 30_000);
        Map<String, Object> typo = vehicle("粤C33333", "LFV2A21K0A3000003");
        typo.put("mileageKm", 3_000);

        Api.Response first = api().put(path, serviced, asRead);
        Api.Response second = api().put(path, typo, asRead);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).isGreaterThan(read.path("version").asLong());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("concurrent-update");
        assertThat(api().get(MEMBERS + "/" + id).json().path("vehicles").get(0).path("mileageKm").asInt())
                .isEqualTo(30_000);
        assertThat(api().put(path, typo, Map.of("If-Match", "\"" + first.json().path("version").asLong() + "\""))
                .json().path("mileageKm").asInt()).isEqualTo(3_000);
    }

    @Test
    void updatesProfileAndVehicles() {
        String id = api().post(MEMBERS, member("韩梅梅", "13600000001", vehicle("粤C11111", "LFV2A21K0A3000001")))
                .json().path("id").asString();
        String vehicleId = api().get(MEMBERS + "/" + id).json().path("vehicles").get(0).path("id").asString();

        Api.Response updated = api().put(MEMBERS + "/" + id, profile("韩梅梅(VIP)", "13600000009"));
        Map<String, Object> changed = vehicle("粤C11111", "LFV2A21K0A3000001");
        changed.put("mileageKm", 42000);
        Api.Response vehicle = api().put(MEMBERS + "/" + id + "/vehicles/" + vehicleId, changed);
        Api.Response added = api().post(MEMBERS + "/" + id + "/vehicles", vehicle("粤C22222", "LFV2A21K0A3000002"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(vehicle.json().path("mileageKm").asInt()).isEqualTo(42000);
        assertThat(added.status()).isEqualTo(201);
        JsonNode read = api().get(MEMBERS + "/" + id).json();
        assertThat(read.path("profile").path("phone").asString()).isEqualTo("13600000009");
        assertThat(read.path("vehicles")).hasSize(2);

        assertThat(api().delete(MEMBERS + "/" + id + "/vehicles/" + vehicleId).status()).isEqualTo(204);
        assertThat(api().get(MEMBERS + "/" + id).json().path("vehicles")).hasSize(1);
        assertThat(api().delete(MEMBERS + "/" + id).status()).isEqualTo(204);
        assertThat(api().get(MEMBERS + "/" + id).status()).isEqualTo(404);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("content").forEach(m -> names.add(m.path("name").asString()));
        return names;
    }
}
