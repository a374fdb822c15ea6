package com.m4s.store.identity;

import com.m4s.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** 503: Keycloak did not take a change of a login; nothing was half-done, and repeating the request is safe. */
public class IdentityUnavailable extends ApiException {

    public IdentityUnavailable(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "The login could not be changed: " + detail);
    }

    /** Names the record that waits for the retry, e.g. {@code staffId}. */
    public IdentityUnavailable about(String name, String value) {
        with(name, value);
        return this;
    }
}
