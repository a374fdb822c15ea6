package com.m4s.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A first password always mixes digits and both cases, whatever the draw (letters-only draws happen often). */
class NewPasswordTest {

    @Test
    void everyFirstPasswordHasADigitACapitalAndASmallLetter() {
        for (int i = 0; i < 2_000; i++) {
            String password = Staff.newPassword();
            assertThat(password).hasSize(14).containsPattern("\\d").containsPattern("[A-Z]").containsPattern("[a-z]");
        }
    }
}
