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
 * real Keycloak login bound to that member; every way the sign-up can go wrong answers with a problem and changes
 * nothing it should not.
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
                "code", code, "username", "owner.jia", "password", PASSWORD));

        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        assertThat(sent.json().path("expiresInSeconds").asLong()).isEqualTo(600);
        assertThat(signedUp.status()).as(signedUp.raw()).isEqualTo(201);
        assertThat(signedUp.json().path("memberId").asString()).isEqualTo(memberId);
        assertThat(signedUp.json().path("store").asString()).isEqualTo(STORE);

        JsonNode login = TestUsers.describe("owner.jia");
        assertThat(login.path("realmRoles").valueStream().map(JsonNode::asString).toList())
                .contains(Role.OWNER.realmRole()).doesNotContain(Role.STORE_STAFF.realmRole(),
                        Role.STORE_MANAGER.realmRole());
        assertThat(login.path("attributes").path("member").get(0).asString()).isEqualTo(memberId);

        Api owner = anonymous().withToken(TestKeycloak.passwordToken("owner.jia", PASSWORD));
        Api.Response me = owner.get(BASE + "/me");
        assertThat(me.status()).as(me.raw()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(memberId);
        assertThat(me.json().path("vehicles").get(0).path("plate").asString()).isEqualTo("粤A0WN01");
        assertThat(owner.get(BASE + "/members").status()).isEqualTo(403);
        assertThat(owner.get(BASE + "/members/" + memberId).status()).isEqualTo(403);
        assertThat(owner.get("/api/stores/" + OTHER + "/me").status()).isEqualTo(403);
        assertThat(manager.get(BASE + "/members/" + memberId).json().path("ownerUsername").asString())
                .isEqualTo("owner.jia");
    }

    @Test
    void theBindingIsAuditedWithoutTheCode() {
        member("车主审计", "13700000002", null);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000002"));
        String code = codeSentTo("13700000002");
        anonymous().post(BASE + "/owner-signup", Map.of("phone", "13700000002", "code", code,
                "username", "owner.audit", "password", PASSWORD));

        JsonNode trail = manager.get(BASE + "/audit?entityType=ownerVerification&size=50").json().path("content");
        assertThat(trail.isEmpty()).isFalse();
        assertThat(trail.toString()).doesNotContain(code).contains("[redacted]");
        JsonNode bindings = manager.get(BASE + "/audit?entityType=member&action=UPDATE&size=50").json().path("content");
        assertThat(bindings.valueStream().filter(e -> e.path("changes").has("ownerUsername")).toList())
                .anySatisfy(e -> {
                    assertThat(e.path("actorName").asString()).isEqualTo("anonymous");
                    assertThat(e.path("changes").path("ownerUsername").path("after").asString())
                            .isEqualTo("owner.audit");
                });
        JsonNode messages = manager.get(BASE + "/audit?entityType=notification&size=50").json().path("content");
        assertThat(messages.toString()).doesNotContain(code);
    }

    @Test
    void aPhoneWithoutAMemberGetsTheSameAnswerButNoMessageAndNoAccount() {
        Api.Response sent = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13799999999"));
        Api.Response guessed = anonymous().post(BASE + "/owner-signup", Map.of("phone", "13799999999",
                "code", "123456", "username", "owner.nobody", "password", PASSWORD));

        assertThat(sent.status()).isEqualTo(202);
        assertThat(messagesTo("13799999999")).isEmpty();
        assertThat(guessed.status()).isEqualTo(422);
        assertThat(guessed.problemType()).isEqualTo("code-invalid");
        assertThat(identities.find("owner.nobody")).isEmpty();
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

        Api.Response first = signUp("13700000004", wrong, "owner.guess");
        for (int i = 0; i < 4; i++) {
            signUp("13700000004", wrong, "owner.guess");
        }
        Api.Response right = signUp("13700000004", code, "owner.guess");

        assertThat(first.status()).isEqualTo(422);
        assertThat(first.json().path("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(right.status()).isEqualTo(422);
        assertThat(right.problemType()).isEqualTo("code-expired");
        assertThat(identities.find("owner.guess")).isEmpty();
    }

    @Test
    void aUsernameOfSomeoneElseIsRefusedAndTheCodeStaysUsable() {
        member("车主重名", "13700000005", null);
        String taken = TestUsers.manager(GROUP, OTHER);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000005"));
        String code = codeSentTo("13700000005");

        Api.Response clash = signUp("13700000005", code, taken);
        Api.Response other = signUp("13700000005", code, "owner.unique");

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.problemType()).isEqualTo("username-taken");
        assertThat(TestUsers.describe(taken).path("realmRoles").valueStream().map(JsonNode::asString).toList())
                .doesNotContain(Role.OWNER.realmRole());
        assertThat(other.status()).as(other.raw()).isEqualTo(201);
    }

    @Test
    void aBoundMemberIsToldToSignInAndCannotBindASecondLogin() {
        member("车主已绑", "13700000006", null);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000006"));
        assertThat(signUp("13700000006", codeSentTo("13700000006"), "owner.first").status()).isEqualTo(201);

        Api.Response tooSoon = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000006"));
        // as if the owner had waited out the resend limit: well inside the tokens' lifetime
        clock.advance(OwnerAccounts.RESEND_AFTER.plusSeconds(1));
        Api.Response again = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000006"));
        List<JsonNode> messages = messagesTo("13700000006");
        String code = codeIn(messages.get(0).path("body").asString()).orElse("000000");
        Api.Response second = signUp("13700000006", code, "owner.second");

        assertThat(tooSoon.status()).as(tooSoon.raw()).isEqualTo(429);
        assertThat(tooSoon.problemType()).isEqualTo("code-requested-recently");
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("body").asString()).contains("owner.first");
        assertThat(second.status()).isIn(409, 422);
        assertThat(identities.find("owner.second")).isEmpty();
    }

    @Test
    void aLoginLeftByAnAttemptThatDiedBeforeBindingIsAdopted() {
        String memberId = member("车主中断", "13700000007", null);
        // what an earlier attempt leaves when the service stops between Keycloak and the store's commit
        String earlier = identities.create("owner.resumed", new Identities.Profile("车主中断", STORE, GROUP, null,
                "13700000007", memberId), Role.OWNER.realmRole(), "Earlier1234", false);
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13700000007"));

        Api.Response resumed = signUp("13700000007", codeSentTo("13700000007"), "owner.resumed");

        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(201);
        Api owner = anonymous().withToken(TestKeycloak.passwordToken("owner.resumed", PASSWORD));
        assertThat(owner.get(BASE + "/me").json().path("id").asString()).isEqualTo(memberId);
        assertThat(identities.find("owner.resumed").orElseThrow().id()).isEqualTo(earlier);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api.Response badPhone = anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "12345"));
        Api.Response weakPassword = anonymous().post(BASE + "/owner-signup", Map.of("phone", "13700000008",
                "code", "123456", "username", "owner.weak", "password", "short"));
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

    private Api.Response signUp(String phone, String code, String username) {
        return anonymous().post(BASE + "/owner-signup", Map.of("phone", phone, "code", code, "username", username,
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
