package com.m4s.store.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.notification.Notifications;
import com.m4s.platform.test.Eventually;
import com.m4s.store.support.StoreConsoleTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Sign-up codes expire and the per-phone limits wear off with time, judged by the service's clock: the test moves
 * that clock ({@link com.m4s.platform.test.TestClock}) instead of waiting or ageing rows in the database.
 *
 * <p>Once the clock is moved past a token's lifetime, the manager's token is expired for the service too, so codes sent
 * after a move are read from the store's message log through the service's own {@link Notifications}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerCodeExpiryTest extends StoreConsoleTest {

    private static final String STORE = "owner_expiry";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String PASSWORD = "Car0wner2026";

    @Autowired
    Notifications notifications;
    @Autowired
    TenantRegistry registry;

    private Api manager;

    @BeforeAll
    void store() {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
    }

    @Test
    void aCodeThirtyDaysOldIsRefusedAsExpiredAndAFreshOneSignsTheOwnerUp() {
        String memberId = member("车主过期", "13600000001");
        assertThat(requestCode("13600000001").status()).isEqualTo(202);
        String oldCode = codeSentTo("13600000001");

        clock.advance(Duration.ofDays(30));
        Api.Response stale = signUp("13600000001", oldCode);
        Api.Response again = requestCode("13600000001");
        String freshCode = Eventually.await(Duration.ofSeconds(10), "the fresh code in the inbox",
                () -> codeSentTo("13600000001"), code -> !code.equals(oldCode));
        Api.Response signedUp = signUp("13600000001", freshCode);

        assertThat(stale.status()).as(stale.raw()).isEqualTo(422);
        assertThat(stale.problemType()).isEqualTo("code-expired");
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(newestMessageTo("13600000001").createdAt())
                .as("the fresh code was sent on the moved clock")
                .isAfter(Instant.now().plus(Duration.ofDays(29)));
        assertThat(signedUp.status()).as(signedUp.raw()).isEqualTo(201);
        assertThat(signedUp.json().path("memberId").asString()).isEqualTo(memberId);
    }

    @Test
    void aCodeIsGoodUntilItsTenMinutesAreUpAndNotAfter() {
        member("车主十分钟", "13600000002");
        requestCode("13600000002");
        String code = codeSentTo("13600000002");

        clock.advance(OwnerVerification.VALID_FOR.plusSeconds(1));
        Api.Response late = signUp("13600000002", code);

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.problemType()).isEqualTo("code-expired");
    }

    @Test
    void aPhoneThatUsedUpItsDailyCodesGetsANewOneADayLater() {
        member("车主每日", "13600000003");
        Api.Response refused = null;
        int sent = 0;
        for (int i = 0; i < 50 && refused == null; i++) {
            Api.Response r = requestCode("13600000003");
            if (r.status() == 202) {
                sent++;
                clock.advance(OwnerAccounts.RESEND_AFTER.plusSeconds(1));
            } else {
                refused = r;
            }
        }

        assertThat(refused).as("a limit is reached within 50 requests").isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).isEqualTo("too-many-codes");
        assertThat(sent).isPositive();

        clock.advance(Duration.ofDays(1));
        Api.Response nextDay = requestCode("13600000003");
        assertThat(nextDay.status()).as(nextDay.raw()).isEqualTo(202);
    }

    private Api.Response requestCode(String phone) {
        return anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", phone));
    }

    private Api.Response signUp(String phone, String code) {
        return anonymous().post(BASE + "/owner-signup", Map.of("phone", phone, "code", code,
                "password", PASSWORD));
    }

    private String member(String name, String phone) {
        Api.Response created = manager.post(BASE + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** The code in the newest text to the phone (the development inbox: the message log hides codes). */
    private String codeSentTo(String phone) {
        return SignUpCodes.sentTo(anonymous(), STORE, phone);
    }

    private Notifications.MessageView newestMessageTo(String phone) {
        List<Notifications.MessageView> messages = TenantContext.supplyAs(registry.find(STORE).orElseThrow().tenant(),
                () -> notifications.list(phone, null, PageRequest.of(0, 100)).content());
        return messages.stream().filter(m -> m.recipient().equals(phone))
                .max(java.util.Comparator.comparing(Notifications.MessageView::createdAt))
                .orElseThrow(() -> new AssertionError("no message to " + phone));
    }
}
