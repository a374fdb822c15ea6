package com.m4s.platform.keycloak.phone;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;

/**
 * Keycloak's username-and-password form, whose username field also takes a mainland mobile number.
 *
 * <p>Input that is a mainland mobile number ({@code 1[3-9]} and nine more digits, also written with spaces or dashes
 * or after +86) finds the login whose {@code phone}
 * attribute is that number; the form then goes on exactly as if its username had been typed, so the password check,
 * brute-force protection, disabled accounts, events and error texts are Keycloak's own. Several logins with that
 * phone (an owner who is a member of two stores has one login per store) are refused with
 * {@value #SEVERAL_LOGINS} (the theme's bundles say "use your username"). A number no login has, and any other
 * input, is a username as before.
 */
public class PhoneOrUsernamePasswordForm extends UsernamePasswordForm {

    /** The user attribute that holds a login's mobile number (declared in the realm's user profile). */
    public static final String PHONE_ATTRIBUTE = "phone";
    /** Message key of the login theme: the phone is on several logins. */
    public static final String SEVERAL_LOGINS = "m4sPhoneOnSeveralLoginsMessage";

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    public PhoneOrUsernamePasswordForm(KeycloakSession session) {
        super(session);
    }

    /** Spaces, dashes and dots people type inside a number (138 0013 8001, 138-0013-8001). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\u00a0\u3000.-]");
    /** The country code as written before a mainland number: +86, 0086, 86. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("^(?:\\+86|0086|86)(?=1[3-9][0-9]{9}$)");

    /** Whether the input (already trimmed) is a mainland mobile number rather than a username. */
    public static boolean isMainlandMobile(String input) {
        return input != null && MAINLAND_MOBILE.matcher(input).matches();
    }

    /**
     * The mainland mobile number the input is, as eleven digits, when it is one written the usual ways (with spaces or
     * dashes, with +86 / 0086 / 86 in front); empty for anything else, which is then a username as typed. No username
     * can be mistaken for a number: usernames start with a letter.
     */
    public static Optional<String> mainlandMobile(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = COUNTRY_CODE.matcher(SEPARATORS.matcher(input.strip()).replaceAll("")).replaceFirst("");
        return isMainlandMobile(digits) ? Optional.of(digits) : Optional.empty();
    }

    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        Optional<String> phone = mainlandMobile(formData.getFirst(AuthenticationManager.FORM_USERNAME));
        if (isUserAlreadySetBeforeUsernamePasswordAuth(context) || phone.isEmpty()) {
            return super.validateForm(context, formData);
        }
        String input = phone.get();
        List<UserModel> logins = context.getSession().users()
                .searchForUserByUserAttributeStream(context.getRealm(), PHONE_ATTRIBUTE, input)
                .limit(2)
                .toList();
        if (logins.size() > 1) {
            // as long as a wrong guess takes, so that it tells nothing by its timing that its text does not
            AuthenticatorUtils.dummyHash(context);
            context.getEvent().detail(Details.USERNAME, input);
            context.getEvent().error(Errors.USER_NOT_FOUND);
            Response form = challenge(context, SEVERAL_LOGINS, Validation.FIELD_USERNAME);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, form);
            return false;
        }
        if (logins.isEmpty()) {
            return super.validateForm(context, formData);
        }
        MultivaluedMap<String, String> byUsername = new MultivaluedHashMap<>();
        formData.forEach((name, values) -> byUsername.put(name, new ArrayList<>(values)));
        byUsername.putSingle(AuthenticationManager.FORM_USERNAME, logins.getFirst().getUsername());
        return super.validateForm(context, byUsername);
    }
}
