package com.m4s.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Concurrently;
import com.m4s.platform.test.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The store directory against a store-console that cannot be reached (nothing listens on its port): stores end
 * FAILED with the reason and can be retried. The successful path runs end to end in the infra module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "m4s.store-console.url=http://127.0.0.1:9")
class StoreApiTest extends ServiceTest {

    @BeforeAll
    void group() {
        api().post("/api/admin/groups", Map.of("code", "grp_store", "name", "门店测试集团"));
    }

    @Test
    void aStoreWhoseTenantCannotBeProvisionedEndsFailedWithTheReasonAndCanBeRetried() {
        Api.Response created = api().post("/api/admin/groups/grp_store/stores", store("fail_one"));

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asString()).isEqualTo("PROVISIONING");
        JsonNode failed = awaitStatus("fail_one", "FAILED");
        assertThat(failed.path("failureReason").asString()).contains("store-console-provisioning could not be reached");
        assertThat(failed.path("provisioningAttempts").asInt()).isEqualTo(1);

        Api.Response retried = api().post("/api/admin/stores/fail_one/provisioning", "");
        assertThat(retried.status()).isEqualTo(202);
        assertThat(awaitStatus("fail_one", "FAILED").path("provisioningAttempts").asInt()).isEqualTo(2);
    }

    @Test
    void aProblemIsExplainedInChineseUnlessTheCallerAsksForEnglish() {
        api().post("/api/admin/groups/grp_store/stores", store("lang_store"));

        Api.Response chinese = api().post("/api/admin/groups/grp_store/stores", store("lang_store"));
        Api.Response english = api().withLanguage("en-US,en;q=0.9").post("/api/admin/groups/grp_store/stores",
                store("lang_store"));
        Api.Response french = api().withLanguage("fr").post("/api/admin/groups/grp_store/stores", store("lang_store"));

        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.problemType()).isEqualTo("store-code-taken");
        assertThat(chinese.json().path("title").asString()).isEqualTo("门店代码已被占用");
        assertThat(chinese.json().path("detail").asString()).isEqualTo("门店代码“lang_store”已存在。");
        assertThat(english.problemType()).isEqualTo("store-code-taken");
        assertThat(english.json().path("title").asString()).isEqualTo("Store code taken");
        assertThat(english.json().path("detail").asString()).isEqualTo("A store with code 'lang_store' already exists.");
        assertThat(french.json().path("detail").asString()).as("a language the platform does not speak")
                .isEqualTo("门店代码“lang_store”已存在。");
    }

    @Test
    void aFieldsValidationMessageIsInTheCallersLanguage() {
        Map<String, Object> bad = store("Bad-Code");
        bad.put("name", "");

        Api.Response chinese = api().post("/api/admin/groups/grp_store/stores", bad);
        Api.Response english = api().withLanguage("en").post("/api/admin/groups/grp_store/stores", bad);

        assertThat(chinese.status()).isEqualTo(422);
        assertThat(chinese.problemType()).isEqualTo("validation-failed");
        assertThat(chinese.json().path("detail").asString()).isEqualTo("有 2 个字段填写不正确。");
        assertThat(messages(chinese)).containsExactly(
                "code: 须为 3–30 位小写字母、数字或下划线，以字母开头", "name: 不能为空");
        assertThat(english.json().path("detail").asString()).isEqualTo("2 fields are invalid.");
        assertThat(messages(english)).containsExactly(
                "code: must be 3-30 lower-case letters, digits or underscores, starting with a letter",
                "name: must not be blank");
    }

    @Test
    void aStoreKeepsItsAddressAndPhoneAndAPhoneOfNoChineseFormatIsRefusedInTheCallersLanguage() {
        Map<String, Object> withContact = store("contact_ok");
        withContact.put("address", "  广州市天河区天河路 385 号 ");
        withContact.put("phone", "0755-88881234-801");
        Map<String, Object> badPhone = store("contact_bad");
        badPhone.put("phone", "12345");

        Api.Response created = api().post("/api/admin/groups/grp_store/stores", withContact);
        Api.Response chinese = api().post("/api/admin/groups/grp_store/stores", badPhone);
        Api.Response english = api().withLanguage("en").post("/api/admin/groups/grp_store/stores", badPhone);

        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        assertThat(created.json().path("address").asString()).isEqualTo("广州市天河区天河路 385 号");
        assertThat(created.json().path("phone").asString()).isEqualTo("0755-88881234-801");
        assertThat(api().get("/api/admin/stores/contact_ok").json().path("phone").asString())
                .isEqualTo("0755-88881234-801");
        assertThat(chinese.status()).isEqualTo(422);
        assertThat(messages(chinese)).containsExactly(
                "phone: 须为手机号（如 13800138000）、带区号的座机号（如 020-38881234，分机号用“-”隔开）或 400/800 电话");
        assertThat(messages(english)).containsExactly("phone: must be a mobile number (13800138000), a landline with"
                + " its area code (020-38881234, an extension after a hyphen) or a 400/800 number");
        assertThat(api().get("/api/admin/stores/contact_bad").status()).isEqualTo(404);
        for (String good : List.of("13800138000", "020-38881234", "02038881234", "0755-8888123", "400-820-8820",
                "4008208820")) {
            Map<String, Object> details = Map.of("name", "测试门店 contact_ok", "phone", good);
            assertThat(api().put("/api/admin/stores/contact_ok/details", details).status()).as(good).isEqualTo(200);
        }
        for (String bad : List.of("1380013800", "23800138000", "020-1234", "+86 20 38881234", "020-38881234-")) {
            Map<String, Object> details = Map.of("name", "测试门店 contact_ok", "phone", bad);
            assertThat(api().put("/api/admin/stores/contact_ok/details", details).status()).as(bad).isEqualTo(422);
        }
    }

    @Test
    void theGroupConsoleChangesAStoresNameAddressAndPhoneFromTheVersionItReadAndTheChangeIsAudited() {
        api().post("/api/admin/groups/grp_store/stores", store("describe_me"));
        JsonNode read = awaitStatus("describe_me", "FAILED");
        String ifMatch = "\"" + read.path("version").asLong() + "\"";
        Map<String, Object> details = new java.util.HashMap<>(Map.of("name", "宝悦天河宝马4S店",
                "address", "广州市天河区黄埔大道西 638 号", "phone", "020-38823888"));

        Api.Response changed = api().put("/api/admin/stores/describe_me/details", details, Map.of("If-Match", ifMatch));
        Api.Response stale = api().put("/api/admin/stores/describe_me/details", Map.of("name", "旧页面的名字"),
                Map.of("If-Match", ifMatch));
        details.put("address", " ");
        Api.Response cleared = api().put("/api/admin/stores/describe_me/details", details);
        Api.Response blankName = api().put("/api/admin/stores/describe_me/details", Map.of("name", ""));

        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo("宝悦天河宝马4S店");
        assertThat(changed.json().path("address").asString()).isEqualTo("广州市天河区黄埔大道西 638 号");
        assertThat(changed.json().path("phone").asString()).isEqualTo("020-38823888");
        assertThat(changed.json().path("version").asLong()).isGreaterThan(read.path("version").asLong());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("concurrent-update");
        assertThat(cleared.json().path("address").isNull()).as("a blank address is none").isTrue();
        assertThat(blankName.status()).isEqualTo(422);
        assertThat(api().get("/api/admin/stores/describe_me").json().path("name").asString()).isEqualTo("宝悦天河宝马4S店");
        JsonNode audit = api().get("/api/admin/audit?entityType=store&entityId=describe_me&action=UPDATE").json();
        assertThat(audit.path("content").toString()).contains("宝悦天河宝马4S店", "020-38823888");
        assertThat(api().put("/api/admin/stores/no_such_store/details", Map.of("name", "无")).status()).isEqualTo(404);
    }

    @Test
    void onlyActiveOrSuspendedStoresCanBeSuspendedOrReactivated() {
        api().post("/api/admin/groups/grp_store/stores", store("fail_two"));
        awaitStatus("fail_two", "FAILED");

        Api.Response suspend = api().post("/api/admin/stores/fail_two/suspend", "");
        assertThat(suspend.status()).isEqualTo(409);
        assertThat(suspend.problemType()).isEqualTo("invalid-store-state");
        assertThat(suspend.json().path("detail").asString()).isEqualTo("门店“fail_two”当前为开通失败，不能停用。");
        assertThat(api().withLanguage("en").post("/api/admin/stores/fail_two/suspend", "").json().path("detail")
                .asString()).isEqualTo("Store 'fail_two' is FAILED and cannot suspend.");
    }

    @Test
    void refusesDuplicateCodesUnknownGroupsAndBadInput() {
        api().post("/api/admin/groups/grp_store/stores", store("dup_store"));

        Api.Response duplicate = api().post("/api/admin/groups/grp_store/stores", store("dup_store"));
        Api.Response unknownGroup = api().post("/api/admin/groups/grp_none/stores", store("orphan"));
        Map<String, Object> badZone = store("bad_zone");
        badZone.put("timeZone", "Mars/Olympus");
        Api.Response zone = api().post("/api/admin/groups/grp_store/stores", badZone);
        Api.Response malformed = api().post("/api/admin/groups/grp_store/stores", "{\"code\":");
        Api.Response badStatus = api().get("/api/admin/stores?status=BROKEN");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problemType()).isEqualTo("store-code-taken");
        assertThat(unknownGroup.status()).isEqualTo(404);
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.problemType()).isEqualTo("invalid-time-zone");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(api().get("/api/admin/stores/orphan").status()).isEqualTo(404);
        assertThat(api().get("/api/admin/stores/bad_zone").status()).isEqualTo(404);
    }

    @Test
    void creationsRacingForOneCodeEndInOneStoreAndStoreCodeTakenForTheRest() throws Exception {
        Api operator = api();

        List<Api.Response> answers = Concurrently.run(8,
                () -> operator.post("/api/admin/groups/grp_store/stores", store("race_store")));

        assertThat(answers).filteredOn(r -> r.status() == 202).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 202).hasSize(7).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(r.problemType()).isEqualTo("store-code-taken");
            assertThat(r.json().path("field").asString()).isEqualTo("code");
        });
    }

    @Test
    void concurrentRepeatsOfOneKeyedCreationGetOneAnswerAndAnotherBodyWithTheKeyIsRefused() throws Exception {
        Api operator = api();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        List<Api.Response> answers = Concurrently.run(10,
                () -> operator.post("/api/admin/groups/grp_store/stores", store("keyed_store"), key));
        Api.Response otherBody = operator.post("/api/admin/groups/grp_store/stores", store("keyed_other"), key);

        assertThat(answers).extracting(Api.Response::status).as(answers.get(0).raw()).containsOnly(202);
        assertThat(answers).extracting(Api.Response::raw).containsOnly(answers.get(0).raw());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.problemType()).isEqualTo("idempotency-key-reused");
        assertThat(api().get("/api/admin/stores/keyed_other").status()).isEqualTo(404);
    }

    @Test
    void listsStoresByGroupStatusAndText() {
        api().post("/api/admin/groups", Map.of("code", "grp_filter", "name", "筛选集团"));
        Map<String, Object> shenzhen = store("sz_filter");
        shenzhen.put("city", "深圳");
        api().post("/api/admin/groups/grp_filter/stores", shenzhen);
        api().post("/api/admin/groups/grp_filter/stores", store("gz_filter"));
        awaitStatus("sz_filter", "FAILED");
        awaitStatus("gz_filter", "FAILED");

        assertThat(codes(api().get("/api/admin/groups/grp_filter/stores"))).containsExactly("gz_filter", "sz_filter");
        assertThat(codes(api().get("/api/admin/stores?group=grp_filter&q=深圳"))).containsExactly("sz_filter");
        assertThat(codes(api().get("/api/admin/stores?group=grp_filter&status=ACTIVE"))).isEmpty();
        assertThat(codes(api().get("/api/admin/stores?group=grp_filter&status=FAILED&sort=code,desc")))
                .containsExactly("sz_filter", "gz_filter");
        assertThat(api().get("/api/admin/groups/grp_void/stores").status()).isEqualTo(404);
    }

    private static List<String> messages(Api.Response problem) {
        List<String> messages = new java.util.ArrayList<>();
        problem.json().path("errors").forEach(e -> messages.add(e.path("field").asString() + ": "
                + e.path("message").asString()));
        return messages;
    }

    private static java.util.List<String> codes(Api.Response page) {
        return page.json().path("content").findValuesAsString("code");
    }

    private static Map<String, Object> store(String code) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("code", code);
        s.put("name", "测试门店 " + code);
        s.put("city", "广州");
        s.put("brand", "BMW");
        s.put("timeZone", "Asia/Shanghai");
        return s;
    }

    private JsonNode awaitStatus(String code, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode store;
        do {
            store = api().get("/api/admin/stores/" + code).json();
            if (store.path("status").asString().equals(status)) {
                return store;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("store " + code + " did not reach " + status + ": " + store);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
