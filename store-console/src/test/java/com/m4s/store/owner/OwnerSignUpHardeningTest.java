package com.m4s.store.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Owner sign-up under attack: parallel guesses are all counted, parallel code requests send one code, the message
 * log never shows a code, and codes are read only from the development inbox of listed demo phones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerSignUpHardeningTest extends StoreConsoleTest {

    private static final String STORE = "owner_hard";
    private static final String BASE = "/api/stores/" + STORE;
    private static final int PARALLEL = 16;

    private Api manager;

    @BeforeAll
    void store() {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
    }

    @Test
    void parallelWrongGuessesAreAllCountedAndNoneIsAnsweredWithAConflict() throws Exception {
        member("并发猜码", "13600000001");
        assertThat(anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13600000001")).status())
                .isEqualTo(202);

        List<Api.Response> answers = together(() -> anonymous().post(BASE + "/owner-signup", Map.of(
                "phone", "13600000001", "code", "000000", "password", "Guess1234")));

        assertThat(answers).extracting(Api.Response::status).as("answers").containsOnly(422);
        assertThat(answers).filteredOn(r -> r.problemType().equals("code-invalid")).as("guesses counted as wrong")
                .hasSize(OwnerVerification.MAX_ATTEMPTS);
        assertThat(answers).filteredOn(r -> r.problemType().equals("code-expired")).as("guesses after the fifth")
                .hasSize(PARALLEL - OwnerVerification.MAX_ATTEMPTS);
    }

    @Test
    void parallelCodeRequestsForOnePhoneSendOneCode() throws Exception {
        member("并发取码", "13600000002");

        List<Api.Response> answers = together(() -> anonymous().post(BASE + "/owner-signup/codes",
                Map.of("phone", "13600000002")));

        assertThat(answers).filteredOn(r -> r.status() == 202).as("codes sent").hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 429).hasSize(PARALLEL - 1);
        assertThat(messagesTo("13600000002")).hasSize(1);
    }

    @Test
    void theMessageLogNeverShowsTheCode() {
        member("日志车主", "13600000003");
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13600000003"));

        JsonNode message = Eventually.await(Duration.ofSeconds(10), "the code's message in the log",
                () -> messagesTo("13600000003"), m -> !m.isEmpty()).get(0);

        assertThat(message.path("topic").asString()).isEqualTo("owner-signup-code");
        assertThat(message.path("body").asString()).doesNotContainPattern("[0-9]{6}").contains("******");
    }

    @Test
    void theDevelopmentInboxShowsTheCodeOfAListedPhoneAndItSignsUp() {
        member("收件车主", "13600000004");
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13600000004"));

        String code = SignUpCodes.sentTo(anonymous(), STORE, "13600000004");
        Api.Response signedUp = anonymous().post(BASE + "/owner-signup", Map.of("phone", "13600000004",
                "code", code, "password", "Inbox12345"));

        assertThat(signedUp.status()).as(signedUp.raw()).isEqualTo(201);
        assertThat(signedUp.json().path("username").asString()).isEqualTo("owner.13600000004");
    }

    @Test
    void theDevelopmentInboxRefusesPhonesThatAreNotListed() {
        member("真实车主", "13500000005");
        anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", "13500000005"));

        Api.Response inbox = anonymous().get(BASE + "/owner-signup/development-inbox?phone=13500000005");

        assertThat(inbox.status()).as(inbox.raw()).isEqualTo(404);
        assertThat(inbox.problemType()).isEqualTo("not-a-demo-phone");
        assertThat(inbox.json().path("messages").isMissingNode()).isTrue();
    }

    private List<Api.Response> together(Supplier<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Api.Response> answers = new java.util.ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private void member(String name, String phone) {
        Api.Response created = manager.post(BASE + "/members", Map.of("profile", Map.of("name", name, "phone", phone)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    private List<JsonNode> messagesTo(String phone) {
        Api.Response log = manager.get(BASE + "/messages?q=" + phone + "&size=100");
        assertThat(log.status()).as(log.raw()).isEqualTo(200);
        return log.json().path("content").valueStream().filter(m -> m.path("recipient").asString().equals(phone))
                .toList();
    }
}
