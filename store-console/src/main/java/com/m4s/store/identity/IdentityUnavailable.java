package com.m4s.store.identity;

import com.m4s.platform.http.DependencyUnavailable;
import com.m4s.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** 503: Keycloak did not take a change of a login; nothing was half-done, and repeating the request is safe. */
public class IdentityUnavailable extends ApiException {

    /** @param cause why Keycloak did not take the change: its detail is the problem's reason */
    public IdentityUnavailable(Exception cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", DependencyUnavailable.reasonOf(cause));
    }

    private IdentityUnavailable(Object reason, String variant) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", reason);
        variant(variant);
    }

    /**
     * 503: the store's logins could not be listed (staff list, dashboards); nothing was changed. A listing that ran out
     * of its time ({@link Identities.TooSlow}) says how long it may take.
     */
    public static IdentityUnavailable listing(Identities.Unavailable cause) {
        IdentityUnavailable problem = cause instanceof Identities.TooSlow
                ? new IdentityUnavailable(String.valueOf(Identities.LISTING_BUDGET.toMillis()), "too-slow")
                : new IdentityUnavailable(DependencyUnavailable.reasonOf(cause), "listing");
        problem.initCause(cause);
        return problem;
    }

    /** Names the record that waits for the retry, e.g. {@code staffId}. */
    public IdentityUnavailable about(String name, String value) {
        with(name, value);
        return this;
    }
}
