package com.m4s.platform.keycloak.phone;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Replaces Keycloak's own username-and-password form: same provider id ({@value #PROVIDER_ID}), higher
 * {@link #order()}, so Keycloak keeps this factory and every flow that names the form, the realm's browser flow
 * first, takes phone numbers. No realm setting is needed, and a realm imported earlier gets it on the next start.
 */
public class PhoneOrUsernamePasswordFormFactory extends UsernamePasswordFormFactory {

    /** Above Keycloak's own factory (0), which has the same id. */
    public static final int ORDER = 100;

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PhoneOrUsernamePasswordForm(session);
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public String getDisplayType() {
        return "Username Password Form (or mobile number)";
    }

    @Override
    public String getHelpText() {
        return "Validates a username, or a mainland mobile number found in the user's 'phone' attribute, and a password"
                + " from the login form.";
    }
}
