package com.m4s.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class BearerHeaderTest {

    /** Spring Security's rule (DefaultBearerTokenResolver, ServerBearerTokenAuthenticationConverter). */
    private static final Pattern RULE = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Test
    void aWellFormedHeaderGivesItsToken() {
        assertThat(BearerHeader.token("Bearer eyJ.abc-_~+/9=="))
                .isEqualTo("eyJ.abc-_~+/9==");
        assertThat(BearerHeader.token("bEARER x")).isEqualTo("x");
    }

    @Test
    void otherSchemesAndNoHeaderAreNoToken() {
        assertThat(BearerHeader.token(null)).isNull();
        assertThat(BearerHeader.token("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerHeader.token("")).isNull();
    }

    @Test
    void malformedBearerHeadersAreRefusedAsInvalidTokens() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer  x", "Bearer x y", "Bearer ==", "Bearer x=y",
            "Bearerx", "Bearer x\n", "Bearer ä"}) {
            assertThatThrownBy(() -> BearerHeader.token(header)).as(header)
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                            e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token"));
        }
    }

    @Test
    void randomHeadersAreJudgedAsTheRuleJudgesThem() {
        SplittableRandom random = new SplittableRandom(7);
        String pool = "aZ09-._~+/= \tbB\u00e4\n:";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer" : "bearer");
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                header.append(pool.charAt(random.nextInt(pool.length())));
            }
            String h = header.toString();
            Matcher m = RULE.matcher(h);
            if (m.matches()) {
                assertThat(BearerHeader.token(h)).as(h).isEqualTo(m.group("token"));
            } else {
                assertThatThrownBy(() -> BearerHeader.token(h)).as(h)
                        .isInstanceOf(OAuth2AuthenticationException.class);
            }
        }
    }
}
