package com.m4s.platform.test.stripe;

import java.util.List;

/**
 * One API request as the handlers see it: the path after {@code /v1/}, its parameters (form body or query), the
 * connected account it acts on ({@code null}: the platform account), and what events it causes carry.
 */
record Call(String method, List<String> path, FormParams params, String account, String requestId,
        String idempotencyKey) {

    /** A call made by the fixture itself (clock, test controls): its events carry no request. */
    static Call internal(String account) {
        return new Call("POST", List.of(), FormParams.parse(""), account, null, null);
    }

    String segment(int index) {
        return index < path.size() ? path.get(index) : null;
    }

    boolean is(String httpMethod, int segments) {
        return method.equals(httpMethod) && path.size() == segments;
    }
}
