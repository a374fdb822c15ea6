package com.m4s.platform.keycloak.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;

/** What can be checked without a server; LocalKeycloakTest (platform-servers) signs in through it. */
class PhoneOrUsernamePasswordFormFactoryTest {

    @Test
    void replacesKeycloaksOwnFormBySameIdAndHigherOrder() {
        PhoneOrUsernamePasswordFormFactory ours = new PhoneOrUsernamePasswordFormFactory();
        UsernamePasswordFormFactory keycloaks = new UsernamePasswordFormFactory();

        assertThat(ours.getId()).isEqualTo(keycloaks.getId()).isEqualTo("auth-username-password-form");
        assertThat(ours.order()).isGreaterThan(keycloaks.order());
    }

    @Test
    void onlyMainlandMobileNumbersAreLookedUpByPhone() {
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile("13800138001")).isTrue();
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile("19912345678")).isTrue();
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile("12800138001")).isFalse();
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile("1380013800")).isFalse();
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile("138001380012")).isFalse();
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile("owner.13800138001")).isFalse();
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile("+8613800138001")).isFalse();
        assertThat(PhoneOrUsernamePasswordForm.isMainlandMobile(null)).isFalse();
    }

    @Test
    void aNumberWrittenTheUsualWaysIsReadAsItsElevenDigits() {
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile(" 13800138001 ")).contains("13800138001");
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("138 0013 8001")).contains("13800138001");
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("138-0013-8001")).contains("13800138001");
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("+86 138 0013 8001")).contains("13800138001");
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("008613800138001")).contains("13800138001");
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("8613800138001")).contains("13800138001");
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("+8612800138001")).isEmpty();
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("+1 415 555 0100")).isEmpty();
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile("owner.13800138001")).isEmpty();
        assertThat(PhoneOrUsernamePasswordForm.mainlandMobile(null)).isEmpty();
    }

    @Test
    void theServiceFileNamesTheFactory() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/org.keycloak.authentication.AuthenticatorFactory")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(PhoneOrUsernamePasswordFormFactory.class.getName());
        }
    }
}
