package com.m4s.store.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestKeycloak;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.identity.Identities;
import com.m4s.store.support.StoreConsoleTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An owner signs up with the code sent to their member record's phone, through the notification outbox, and gets a
 * real Keycloak login bound to that member, named after the phone (no username to choose); every way the sign-up can
 * go wrong answers with a problem and changes nothing it should not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerSignUpTest extends StoreConsoleTest {

    private static final String STORE = "owner_store";
    private static final String OTHER = "owner_other";
    private static final String BASE = "/api/stores/" + STORE;
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static final String PASSWORD = "Car0wner2026";

    @Autowired
    Identities identities;

    private Api manager;

    @BeforeAll
    void stores() {
        provision(STORE);
        provision(OTHER);
        manager = as(TestUsers.manager(GROUP, STORE));
    }

    @Test
    void aMemberSignsUpWithTheCodeSentToTheirPhoneAndThenSeesOnlyTheirOwnRecord() {
        String memberId = member("车主甲", "13700000001", "粤A0WN01");
        manager.post(BASE + "/members", Map.of("profile", Map.of("name", "别人", "phone", "13700000009")));

        Api.Response sent = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000001"));
        String code = codeSentTo("13700000001");
        Api.Response signedUp = anonymous().post(BASE + "/owner-signup", Map.of("phone", "13700000001",
                "code", code, "password", PASSWORD));

        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        assertThat(sent.json().path("expiresInSeconds").asLong()).isEqualTo(600);
        assertThat(signedUp.status()).as(signedUp.raw()).isEqualTo(201);
        assertThat(signedUp.json().path("memberId").asString()).isEqualTo(memberId);
        assertThat(signedUp.json().path("store").asString()).isEqualTo(STORE);
        assertThat(signedUp.json().path("username").asString()).isEqualTo("owner.13700000001");
        assertThat(signedUp.json().path("signInWithPhone").asBoolean()).isTrue();

        JsonNode login = TestUsers.describe("owner.13700000001");
        assertThat(login.path("realmRoles").valueStream().map(JsonNode::asString).toList())
                .contains(Role.OWNER.realmRole()).doesNotContain(Role.STORE_STAFF.realmRole(),
                        Role.STORE_MANAGER.realmRole());
        assertThat(login.path("attributes").path("member").get(0).asString()).isEqualTo(memberId);
        // what the sign-in page finds the login by
        assertThat(login.path("attributes").path("phone").get(0).asString()).isEqualTo("13700000001");

        Api owner = anonymous().withToken(TestKeycloak.passwordToken("owner.13700000001", PASSWORD));
        Api.Response me = owner.get(BASE + "/me");
        assertThat(me.status()).as(me.raw()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(memberId);
        assertThat(me.json().path("vehicles").get(0).path("plate").asString()).isEqualTo("粤A0WN01");
        assertThat(owner.get(BASE + "/members").status()).isEqualTo(403);
        assertThat(owner.get(BASE + "/members/" + memberId).status()).isEqualTo(403);
        assertThat(owner.get("/api/stores/" + OTHER + "/me").status()).isEqualTo(403);
        assertThat(manager.get(BASE + "/members/" + memberId).json().path("ownerUsername").asString())
                .isEqualTo("owner.13700000001");
        assertThat(memberEvents(memberId)).as("the sign-up completed is an event, as the member's joining was")
                .containsExactly("MemberJoined", "OwnerSignedUp");
    }

    private List<String> memberEvents(String memberId) {
        try (java.sql.Connection c = database.connect(); java.sql.PreparedStatement q = c.prepareStatement(
                "select event_type from console.event_outbox where topic = 'm4s.member' and payload->>'memberId' = ?"
                        + " order by id")) {
            q.setString(1, memberId);
            List<String> types = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBindingIsAuditedWithoutTheCode() {
        member("车主审计", "13700000002", null);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000002"));
        String code = codeSentTo("13700000002");
        anonymous().post(BASE + "/owner-signup", Map.of("phone", "13700000002", "code", code,
                "password", PASSWORD));

        JsonNode trail = manager.get(BASE + "/audit?entityType=ownerVerification&size=50").json().path("content");
        assertThat(trail.isEmpty()).isFalse();
        assertThat(trail.toString()).doesNotContain(code).contains("[redacted]");
        JsonNode bindings = manager.get(BASE + "/audit?entityType=member&action=UPDATE&size=50").json().path("content");
        assertThat(bindings.valueStream().filter(e -> e.path("changes").has("ownerUsername")).toList())
                .anySatisfy(e -> {
                    assertThat(e.path("actorName").asString()).isEqualTo("anonymous");
                    assertThat(e.path("changes").path("ownerUsername").path("after").asString())
                            .isEqualTo("owner.13700000002");
                });
        JsonNode messages = manager.get(BASE + "/audit?entityType=notification&size=50").json().path("content");
        assertThat(messages.toString()).doesNotContain(code);
    }

    @Test
    void aPhoneWithoutAMemberGetsTheSameAnswerButNoMessageAndNoAccount() {
        Api.Response sent = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13799999999"));
        Api.Response guessed = anonymous().post(BASE + "/owner-signup", Map.of("phone", "13799999999",
                "code", "123456", "password", PASSWORD));

        assertThat(sent.status()).isEqualTo(202);
        assertThat(messagesTo("13799999999")).isEmpty();
        assertThat(guessed.status()).isEqualTo(422);
        assertThat(guessed.problemType()).isEqualTo("code-invalid");
        assertThat(identities.find("owner.13799999999")).isEmpty();
    }

    @Test
    void aSecondCodeWithinAMinuteIsRefusedWithRetryAfter() {
        member("车主频繁", "13700000003", null);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000003"));
        Api.Response again = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000003"));

        assertThat(again.status()).isEqualTo(429);
        assertThat(again.problemType()).isEqualTo("code-requested-recently");
        assertThat(again.json().path("retryAfterSeconds").asLong()).isBetween(1L, 61L);
        assertThat(messagesTo("13700000003")).hasSize(1);
    }

    @Test
    void wrongGuessesAreCountedAndTheFifthSpendsTheCode() {
        member("车主猜码", "13700000004", null);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000004"));
        String code = codeSentTo("13700000004");
        String wrong = code.equals("000000") ? "111111" : "000000";

        Api.Response first = signUp("13700000004", wrong);
        for (int i = 0; i < 4; i++) {
            signUp("13700000004", wrong);
        }
        Api.Response right = signUp("13700000004", code);

        assertThat(first.status()).isEqualTo(422);
        assertThat(first.json().path("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(right.status()).isEqualTo(422);
        assertThat(right.problemType()).isEqualTo("code-expired");
        assertThat(identities.find("owner.13700000004")).isEmpty();
    }

    @Test
    void aMemberOfTwoStoresGetsALoginForEachAndIsToldToSignInWithTheUsername() {
        String here = member("两店车主", "13700000005", null);
        Api otherManager = as(TestUsers.manager(GROUP, OTHER));
        Api.Response created = otherManager.post("/api/stores/" + OTHER + "/members",
                Map.of("profile", Map.of("name", "两店车主", "phone", "13700000005")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String there = created.json().path("id").asString();

        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000005"));
        Api.Response first = signUp("13700000005", codeSentTo("13700000005"));
        anonymous().post("/api/stores/" + OTHER + "/owner-signup/codes", Map.of("phone", "13700000005"));
        Api.Response second = anonymous().post("/api/stores/" + OTHER + "/owner-signup", Map.of("phone", "13700000005",
                "code", SignUpCodes.sentTo(anonymous(), OTHER, "13700000005"), "password", PASSWORD));

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.json().path("username").asString()).isEqualTo("owner.13700000005");
        assertThat(first.json().path("signInWithPhone").asBoolean()).isTrue();
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.json().path("username").asString()).isEqualTo("owner.13700000005." + OTHER);
        // the phone now finds two logins: the sign-in page refuses it, so the answer names the username
        assertThat(second.json().path("signInWithPhone").asBoolean()).isFalse();
        assertThat(identities.usernamesWithPhone("13700000005"))
                .containsExactlyInAnyOrder("owner.13700000005", "owner.13700000005." + OTHER);
        assertThat(identities.find("owner.13700000005").orElseThrow().member()).isEqualTo(here);
        assertThat(identities.find("owner.13700000005." + OTHER).orElseThrow().member()).isEqualTo(there);
        Api ownerThere = anonymous().withToken(TestKeycloak.passwordToken("owner.13700000005." + OTHER, PASSWORD));
        assertThat(ownerThere.get("/api/stores/" + OTHER + "/me").json().path("id").asString()).isEqualTo(there);
    }

    @Test
    void aPhoneWhoseLoginNamesBelongToOtherMembersIsRefusedAndTheCodeStaysUsable() {
        String memberId = member("车主重名", "13700000011", null);
        // logins of member records that no longer exist, under both names the sign-up would use
        for (String name : List.of("owner.13700000011", "owner.13700000011." + STORE)) {
            identities.create(name, new Identities.Profile("旧车主", STORE, GROUP, null, "13700000011",
                    java.util.UUID.randomUUID().toString()), Role.OWNER.realmRole(), "Earlier1234", false);
        }
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000011"));
        String code = codeSentTo("13700000011");

        Api.Response clash = signUp("13700000011", code);
        Api.Response again = signUp("13700000011", code);

        assertThat(clash.status()).as(clash.raw()).isEqualTo(409);
        assertThat(clash.problemType()).isEqualTo("username-taken");
        assertThat(again.status()).as("the code was not used up").isEqualTo(409);
        assertThat(manager.get(BASE + "/members/" + memberId).json().path("ownerUsername").isNull()).isTrue();
    }

    @Test
    void aBoundMemberIsToldToSignInAndCannotBindASecondLogin() {
        member("车主已绑", "13700000006", null);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000006"));
        assertThat(signUp("13700000006", codeSentTo("13700000006")).status()).isEqualTo(201);

        Api.Response tooSoon = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000006"));
        // as if the owner had waited out the resend limit: well inside the tokens' lifetime
        clock.advance(OwnerAccounts.RESEND_AFTER.plusSeconds(1));
        Api.Response again = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000006"));
        List<JsonNode> messages = messagesTo("13700000006");
        String code = codeIn(messages.get(0).path("body").asString()).orElse("000000");
        Api.Response second = signUp("13700000006", code);

        assertThat(tooSoon.status()).as(tooSoon.raw()).isEqualTo(429);
        assertThat(tooSoon.problemType()).isEqualTo("code-requested-recently");
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("body").asString()).contains("请使用手机号").contains("owner.13700000006");
        assertThat(second.status()).isIn(409, 422);
        assertThat(identities.usernamesWithPhone("13700000006")).containsExactly("owner.13700000006");
    }

    @Test
    void aLoginLeftByAnAttemptThatDiedBeforeBindingIsAdopted() {
        String memberId = member("车主中断", "13700000007", null);
        // what an earlier attempt leaves when the service stops between Keycloak and the store's commit
        String earlier = identities.create("owner.13700000007", new Identities.Profile("车主中断", STORE, GROUP, null,
                "13700000007", memberId), Role.OWNER.realmRole(), "Earlier1234", false);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000007"));

        Api.Response resumed = signUp("13700000007", codeSentTo("13700000007"));

        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(201);
        Api owner = anonymous().withToken(TestKeycloak.passwordToken("owner.13700000007", PASSWORD));
        assertThat(owner.get(BASE + "/me").json().path("id").asString()).isEqualTo(memberId);
        assertThat(identities.find("owner.13700000007").orElseThrow().id()).isEqualTo(earlier);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api.Response badPhone = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "12345"));
        Api.Response weakPassword = anonymous().post(BASE + "/owner-signup", Map.of("phone", "13700000008",
                "code", "123456", "password", "short"));
        Api.Response unknownStore = anonymous().post("/api/stores/no_such_store/owner-signup/codes",
                Map.of("phone", "13700000008"));

        assertThat(badPhone.status()).isEqualTo(422);
        assertThat(badPhone.raw()).contains("phone");
        assertThat(weakPassword.status()).isEqualTo(422);
        assertThat(weakPassword.raw()).contains("password");
        assertThat(unknownStore.status()).isEqualTo(404);
    }

    @Test
    void theMessageLogShowsDeliveryAndIsForManagersOnly() {
        member("车主消息", "13700000010", null);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000010"));

        JsonNode message = awaitSent("13700000010");
        assertThat(message.path("channel").asString()).isEqualTo("SMS");
        assertThat(message.path("topic").asString()).isEqualTo("owner-signup-code");
        assertThat(message.path("attempts").asInt()).isEqualTo(1);
        assertThat(as(TestUsers.staff(GROUP, STORE, "service")).get(BASE + "/messages").status()).isEqualTo(403);
        assertThat(as(TestUsers.manager(GROUP, OTHER)).get(BASE + "/messages").status()).isEqualTo(403);
        assertThat(manager.get(BASE + "/messages?status=NOPE").status()).isEqualTo(422);
    }

    private Api.Response signUp(String phone, String code) {
        return anonymous().post(BASE + "/owner-signup", Map.of("phone", phone, "code", code,
                "password", PASSWORD));
    }

    private String member(String name, String phone, String plate) {
        Map<String, Object> body = plate == null ? Map.of("profile", Map.of("name", name, "phone", phone))
                : Map.of("profile", Map.of("name", name, "phone", phone), "vehicles",
                        List.of(Map.of("plate", plate, "vin", "LSVAM4187C20" + phone.substring(6), "model", "Passat")));
        Api.Response created = manager.post(BASE + "/members", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** The code sent to the phone, from its development inbox: the message log does not show codes. */
    private String codeSentTo(String phone) {
        return SignUpCodes.sentTo(anonymous(), STORE, phone);
    }

    /** Read with a recent token: a test may have moved the clock, which ages the class's token with it. */
    private List<JsonNode> messagesTo(String phone) {
        Api.Response log = as(TestUsers.manager(GROUP, STORE)).get(BASE + "/messages?q=" + phone + "&size=100");
        assertThat(log.status()).as(log.raw()).isEqualTo(200);
        return log.json().path("content").valueStream().filter(m -> m.path("recipient").asString().equals(phone))
                .toList();
    }

    private JsonNode awaitSent(String phone) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<JsonNode> messages = messagesTo(phone);
            if (!messages.isEmpty() && messages.get(0).path("status").asString().equals("SENT")) {
                return messages.get(0);
            }
            assertThat(Instant.now()).as("message to " + phone + " delivered in time: " + messages)
                    .isBefore(deadline);
            sleep(100);
        }
    }

    private static java.util.Optional<String> codeIn(String body) {
        Matcher m = CODE.matcher(body);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
