package com.m4s.store.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Sign-up codes as a person trying the platform reads them: from the development inbox of a listed test phone
 * (enabled in the tests' configuration), never from the message log, which does not show them.
 */
final class SignUpCodes {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private SignUpCodes() {
    }

    /** The newest message to the phone as its inbox shows it, waiting for its delivery (up to 10 s). */
    static JsonNode newestMessage(Api anonymous, String store, String phone) {
        return Eventually.await(Duration.ofSeconds(10), "a message in the inbox of " + phone,
                () -> inbox(anonymous, store, phone), m -> !m.isMissingNode()).deepCopy();
    }

    /** The code in the newest message to the phone. */
    static String sentTo(Api anonymous, String store, String phone) {
        String body = newestMessage(anonymous, store, phone).path("body").asString();
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as("a code in: " + body).isTrue();
        return m.group(1);
    }

    private static JsonNode inbox(Api anonymous, String store, String phone) {
        Api.Response inbox = anonymous.get("/api/stores/" + store + "/owner-signup/development-inbox?phone=" + phone);
        assertThat(inbox.status()).as(inbox.raw()).isEqualTo(200);
        return inbox.json().path("messages").path(0);
    }
}
