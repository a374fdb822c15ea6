package com.m4s.store.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Concurrently;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Idempotency-Key on a creating POST, against the real service and database: repeats of one request make one record
 * and get one answer, whatever their timing; a key is scoped to its caller and its store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyKeyTest extends StoreConsoleTest {

    private static final String STORE = "idem01";
    private static final String OTHER_STORE = "idem02";

    @BeforeAll
    void stores() {
        provision(STORE);
        provision(OTHER_STORE);
    }

    @Test
    void fiftyConcurrentRepeatsOfOneCreationMakeOneMemberAndAllGetTheSameAnswer() throws Exception {
        Api operator = api();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = member("幂等并发", "13600000001");

        List<Api.Response> answers = Concurrently.run(50, () -> operator.post(members(STORE), body, keyed(key)));

        assertThat(answers).extracting(Api.Response::status).as(answers.get(0).raw()).containsOnly(201);
        assertThat(answers).extracting(Api.Response::raw).containsOnly(answers.get(0).raw());
        assertThat(answers.get(0).json().path("profile").path("phone").asString()).isEqualTo("13600000001");
        assertThat(members(STORE, "13600000001")).isEqualTo(1);
    }

    @Test
    void aRepeatLaterGetsTheFirstAnswerAndTheSameKeyWithAnotherBodyIsRefused() throws SQLException {
        String key = UUID.randomUUID().toString();

        Api.Response first = api().post(members(STORE), member("幂等重放", "13600000002"), keyed(key));
        Api.Response repeat = api().post(members(STORE), member("幂等重放", "13600000002"), keyed(key));
        Api.Response changed = api().post(members(STORE), member("幂等重放", "13600000003"), keyed(key));

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.raw()).isEqualTo(first.raw());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(422);
        assertThat(changed.problemType()).isEqualTo("idempotency-key-reused");
        assertThat(members(STORE, "13600000002")).isEqualTo(1);
        assertThat(members(STORE, "13600000003")).isZero();
    }

    @Test
    void aKeyBelongsToItsCallerAndItsStore() throws SQLException {
        String key = UUID.randomUUID().toString();
        Api manager = as(TestUsers.manager(GROUP, STORE));

        Api.Response operators = api().post(members(STORE), member("幂等甲", "13600000004"), keyed(key));
        Api.Response managers = manager.post(members(STORE), member("幂等乙", "13600000005"), keyed(key));
        Api.Response otherStore = api().post(members(OTHER_STORE), member("幂等甲", "13600000004"), keyed(key));

        assertThat(operators.status()).as(operators.raw()).isEqualTo(201);
        assertThat(managers.status()).as(managers.raw()).isEqualTo(201);
        assertThat(otherStore.status()).as(otherStore.raw()).isEqualTo(201);
        assertThat(List.of(operators, managers, otherStore)).extracting(r -> r.json().path("id").asString())
                .doesNotHaveDuplicates();
        assertThat(members(STORE, "13600000005")).isEqualTo(1);
        assertThat(members(OTHER_STORE, "13600000004")).isEqualTo(1);
    }

    @Test
    void aKeyLongerThan255CharactersIsRefusedBeforeAnythingIsWritten() throws SQLException {
        Api.Response refused = api().post(members(STORE), member("幂等长键", "13600000006"), keyed("k".repeat(256)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("bad-idempotency-key");
        assertThat(members(STORE, "13600000006")).isZero();
    }

    @Test
    void creationsRacingForOnePhoneEndInOneMemberAndPhoneTakenForTheRest() throws Exception {
        Api operator = api();

        List<Api.Response> answers = Concurrently.run(8,
                () -> operator.post(members(STORE), member("抢号", "13600000007")));

        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(409);
            assertThat(r.problemType()).isEqualTo("phone-taken");
            assertThat(r.json().path("field").asString()).isEqualTo("profile.phone");
        });
        assertThat(members(STORE, "13600000007")).isEqualTo(1);
    }

    private static Map<String, String> keyed(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static String members(String store) {
        return "/api/stores/" + store + "/members";
    }

    private static Map<String, Object> member(String name, String phone) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", name);
        profile.put("phone", phone);
        profile.put("source", "WALK_IN");
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("profile", profile);
        member.put("vehicles", List.of());
        return member;
    }

    private static long members(String store, String phone) throws SQLException {
        try (Connection c = database.connect();
                PreparedStatement q = c.prepareStatement("select count(*) from store_" + store + ".member where phone = ?")) {
            q.setString(1, phone);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
