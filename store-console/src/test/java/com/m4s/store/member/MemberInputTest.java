package com.m4s.store.member;

import static com.m4s.store.member.MemberFixtures.member;
import static com.m4s.store.member.MemberFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad input gets a problem+json 4xx naming what is wrong, and nothing is written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberInputTest extends StoreConsoleTest {

    private static final String MEMBERS = "/api/stores/sz01/members";
    private long membersBefore;
    private long vehiclesBefore;

    @BeforeAll
    void stores() {
        provision("sz01");
        api().post(MEMBERS, member("已存在", "13500000000", vehicle("粤B00001", "LSGPC52U0AF000001")));
    }

    @BeforeEach
    void count() throws SQLException {
        membersBefore = rows("member");
        vehiclesBefore = rows("vehicle");
    }

    @Test
    void refusesMalformedJson() {
        assertRefused(api().post(MEMBERS, "{\"profile\": {\"name\": "), 400, "malformed-request");
    }

    @Test
    void refusesMissingFieldsWithOneErrorPerField() {
        Api.Response r = api().post(MEMBERS, Map.of("profile", Map.of()));
        assertRefused(r, 422, "validation-failed");
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .contains("profile.name", "profile.phone");
    }

    @Test
    void refusesWrongTypes() {
        Map<String, Object> body = member("类型", "13500000001", vehicle("粤B00002", "LSGPC52U0AF000002"));
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) ((java.util.List<?>) body.get("vehicles")).get(0);
        v.put("mileageKm", "a lot");
        Api.Response r = api().post(MEMBERS, body);
        assertRefused(r, 400, "malformed-request");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("vehicles[0].mileageKm");
    }

    @Test
    void refusesOverLongStrings() {
        assertRefused(api().post(MEMBERS, member("名".repeat(65), "13500000001")), 422, "validation-failed");
    }

    @Test
    void refusesBadPhonePlateAndVin() {
        assertRefused(api().post(MEMBERS, member("电话", "12345")), 422, "validation-failed");
        assertRefused(api().post(MEMBERS, member("车牌", "13500000003", vehicle("ABC123", "LSGPC52U0AF000003"))),
                422, "validation-failed");
        assertRefused(api().post(MEMBERS, member("车架", "13500000004", vehicle("粤B00004", "LSGPC52U0AF00000"))),
                422, "validation-failed");
        assertRefused(api().post(MEMBERS, member("车架", "13500000004", vehicle("粤B00004", "LSGPC52U0AF00000O"))),
                422, "validation-failed");
    }

    @Test
    void aFieldsValidationMessageIsInChineseUnlessTheCallerAsksForEnglish() {
        Api.Response chinese = api().post(MEMBERS, member("电话", "12345"));
        Api.Response english = api().withLanguage("en").post(MEMBERS, member("电话", "12345"));

        assertRefused(chinese, 422, "validation-failed");
        assertThat(chinese.json().path("title").asString()).isEqualTo("输入有误");
        assertThat(chinese.json().path("errors").get(0).path("field").asString()).isEqualTo("profile.phone");
        assertThat(chinese.json().path("errors").get(0).path("message").asString()).isEqualTo("须为 11 位手机号码");
        assertRefused(english, 422, "validation-failed");
        assertThat(english.json().path("title").asString()).isEqualTo("Validation failed");
        assertThat(english.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be an 11-digit mobile number");
    }

    @Test
    void problemsOfTheDatabaseTheStoreAndMissingRecordsAreInTheCallersLanguage() {
        Map<String, Object> taken = member("重复", "13500000009", vehicle("粤b00001", "LSGPC52U0AF000009"));
        assertThat(api().post(MEMBERS, taken).json().path("detail").asString()).isEqualTo("本店已登记此车牌的车辆。");
        assertThat(api().withLanguage("en").post(MEMBERS, taken).json().path("detail").asString())
                .isEqualTo("A vehicle with this plate is already registered in this store.");

        assertThat(api().get("/api/stores/nosuch/members").json().path("detail").asString())
                .isEqualTo("门店“nosuch”不存在。");
        assertThat(api().withLanguage("en").get("/api/stores/nosuch/members").json().path("detail").asString())
                .isEqualTo("Store 'nosuch' does not exist.");

        String missing = MEMBERS + "/00000000-0000-0000-0000-000000000000";
        assertThat(api().get(missing).json().path("detail").asString())
                .isEqualTo("会员 00000000-0000-0000-0000-000000000000 不存在");
        assertThat(api().withLanguage("en").get(missing).json().path("detail").asString())
                .isEqualTo("Member 00000000-0000-0000-0000-000000000000 does not exist");
    }

    @Test
    void refusesADuplicatePlateAndWritesNothingOfTheRequest() {
        Api.Response r = api().post(MEMBERS, member("重复", "13500000005",
                vehicle("粤B00005", "LSGPC52U0AF000005"), vehicle("粤b00001", "LSGPC52U0AF000006")));
        assertRefused(r, 409, "plate-taken");
        assertThat(r.json().path("field").asString()).isEqualTo("plate");
    }

    @Test
    void refusesADuplicatePhoneAndVin() {
        assertRefused(api().post(MEMBERS, member("重复电话", "13500000000")), 409, "phone-taken");
        assertRefused(api().post(MEMBERS, member("重复VIN", "13500000006", vehicle("粤B00006", "LSGPC52U0AF000001"))),
                409, "vin-taken");
    }

    @Test
    void refusesTheSamePlateTwiceInOneRequest() {
        assertRefused(api().post(MEMBERS, member("两次", "13500000007",
                vehicle("粤B00007", "LSGPC52U0AF000007"), vehicle("粤B00007", "LSGPC52U0AF000008"))),
                422, "duplicate-plate");
    }

    @Test
    void refusesUnknownStoreMemberAndBadIds() {
        assertRefused(api().post("/api/stores/nosuch/members", member("无店", "13500000008")), 404, "store-not-found");
        assertRefused(api().get("/api/stores/NOT-A-CODE/members"), 404, "store-not-found");
        assertRefused(api().get(MEMBERS + "/00000000-0000-0000-0000-000000000000"), 404, "not-found");
        assertRefused(api().get(MEMBERS + "/not-a-uuid"), 400, "invalid-parameter");
    }

    @Test
    void refusesBadPagingAndSorting() {
        assertRefused(api().get(MEMBERS + "?size=1000"), 400, "invalid-parameter");
        assertRefused(api().get(MEMBERS + "?sort=password,asc"), 400, "invalid-sort");
        assertRefused(api().get(MEMBERS + "?page=x"), 400, "invalid-parameter");
    }

    private void assertRefused(Api.Response r, int status, String type) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.isProblem()).as("problem+json: " + r.contentType()).isTrue();
        assertThat(r.problemType()).isEqualTo(type);
        assertThat(r.json().path("detail").asString()).isNotBlank();
        try {
            assertThat(rows("member")).isEqualTo(membersBefore);
            assertThat(rows("vehicle")).isEqualTo(vehiclesBefore);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long rows(String table) throws SQLException {
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from store_sz01." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
