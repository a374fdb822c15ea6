package com.m4s.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The predicates give the same answers as the firewalls' default expressions, character by character. */
class HeaderTextTest {

    /** Spring Security's defaults (StrictHttpFirewall, StrictServerWebExchangeFirewall). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheExpressionsJudgeIt() {
        List<String> differing = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String text = "a" + Character.toString(cp) + "b";
            if (HeaderText.NAME.test(text) != NAME.matcher(text).matches()
                    || HeaderText.VALUE.test(text) != VALUE.matcher(text).matches()) {
                differing.add(Integer.toHexString(cp));
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void loneSurrogatesAndMixedTextAgreeToo() {
        SplittableRandom random = new SplittableRandom(42);
        char[] pool = {'a', 'Z', ' ', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u00e9', '\u4e2d', '\ud83d', '\ude97',
            '\u0378', '\ufeff', '\u2028', '='};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pool[random.nextInt(pool.length)]);
            }
            String s = text.toString();
            assertThat(HeaderText.NAME.test(s)).as("name %s", s.chars().boxed().toList())
                    .isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderText.VALUE.test(s)).as("value %s", s.chars().boxed().toList())
                    .isEqualTo(VALUE.matcher(s).matches());
        }
    }

    @Test
    void aTabIsAllowedInValuesOnly() {
        assertThat(HeaderText.VALUE.test("a\tb")).isTrue();
        assertThat(HeaderText.NAME.test("a\tb")).isFalse();
        assertThat(HeaderText.VALUE.test("a\r\nInjected: yes")).isFalse();
        assertThat(HeaderText.VALUE.test("")).isTrue();
        assertThat(HeaderText.VALUE.test(null)).as("absent header").isTrue();
    }

    @Test
    void installGivesEachSetterItsRule() {
        List<Object> given = new ArrayList<>();
        HeaderText.install(given::add, given::add, given::add);
        assertThat(given).containsExactly(HeaderText.NAME, HeaderText.VALUE, HeaderText.NAME);
    }
}
