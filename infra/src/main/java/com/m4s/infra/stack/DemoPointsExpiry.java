package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.Map;

/**
 * The demo stores' points expiry policy (decision 0039), set as a manager would on the rules page: points expire at
 * the end of the 24th month after the month they become available. Set before the demo's repair orders and tasks, so
 * their points are lots with that date and the owner app shows the demo owner when their points expire. A store that
 * has a policy already is left as it is.
 */
final class DemoPointsExpiry {

    static final int MONTHS = 24;

    private final Api api;

    DemoPointsExpiry(Api api) {
        this.api = api;
    }

    /** Sets the policy when the store has none; whether it was set now. */
    boolean ensure(String store) {
        String path = "/api/stores/" + store + "/points/rules/expiry-policy";
        Api.Response current = api.get(path);
        if (current.status() != 200) {
            throw new IllegalStateException("demo expiry policy of " + store + ": " + current.raw());
        }
        if (current.json().path("version").asLong() > 0) {
            return false;
        }
        Api.Response set = api.put(path, Map.of("kind", "END_OF_MONTH_AFTER_N_MONTHS", "months", MONTHS),
                Map.of("If-Match", "\"0\""));
        if (set.status() != 200) {
            throw new IllegalStateException("demo expiry policy of " + store + ": " + set.raw());
        }
        return true;
    }
}
