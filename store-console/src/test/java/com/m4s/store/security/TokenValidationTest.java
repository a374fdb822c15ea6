package com.m4s.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Only a valid, unexpired token of realm m4s signed by its keys gets in; everything else is a 401 problem. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenValidationTest extends StoreConsoleTest {

    private static final String MEMBERS = "/api/stores/tok_store/members";

    @BeforeAll
    void store() {
        provision("tok_store");
    }

    @Test
    void aValidTokenGetsIn() {
        assertThat(api().get(MEMBERS).status()).isEqualTo(200);
    }

    @Test
    void aTokenWithATamperedSignatureIsRejected() {
        String token = token("operator");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertUnauthenticated(anonymous().withToken(tampered).get(MEMBERS));
    }

    @Test
    void aTokenWithATamperedPayloadIsRejected() {
        String[] parts = token("manager.gz_tianhe").split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("gz_tianhe", "tok_store");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];

        assertUnauthenticated(anonymous().withToken(forged).get(MEMBERS));
    }

    @Test
    void aTokenOfAnotherRealmIsRejected() {
        assertUnauthenticated(anonymous().withToken(TestUsers.otherRealmToken()).get(MEMBERS));
    }

    @Test
    void garbageIsRejected() {
        assertUnauthenticated(anonymous().withToken("not-a-token").get(MEMBERS));
    }

    @Test
    void aMalformedBearerHeaderIsRejected() {
        // "Bearer two words": not a b64token (RFC 6750), refused while reading the header
        Api.Response r = anonymous().withToken("two words").get(MEMBERS);

        assertUnauthenticated(r);
        assertThat(r.json().path("detail").asString()).contains("malformed");
    }

    @Test
    void anExpiredTokenIsRejected() {
        String shortLived = TestUsers.shortLivedToken("operator");
        clock.advance(Duration.ofSeconds(30)); // past its one second of life and the ten seconds of clock skew

        Api.Response r = anonymous().withToken(shortLived).get(MEMBERS);
        assertUnauthenticated(r);
        assertThat(r.json().path("detail").asString()).containsIgnoringCase("expired");
    }

    @Test
    void aTokenThatWasAcceptedIsRefusedOnceItExpires() {
        String token = token("operator");
        assertThat(anonymous().withToken(token).get(MEMBERS).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(6)); // the realm's tokens live five minutes
        Api.Response r = anonymous().withToken(token).get(MEMBERS);

        assertUnauthenticated(r);
        assertThat(r.json().path("detail").asString()).containsIgnoringCase("expired");
    }

    private static void assertUnauthenticated(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.problemType()).isEqualTo("unauthenticated");
    }
}
