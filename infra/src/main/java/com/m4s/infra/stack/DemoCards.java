package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.List;

/**
 * Member cards for the demo stores' members who have repair orders (the demo owner among them), through the API as the store's staff
 * would issue them: each joins at the level their points of the last twelve months reach, so the card panel, the
 * owner's card page and the levels show real values. A member who has a card keeps it: running again adds nothing.
 */
final class DemoCards {

    private final Api api;

    DemoCards(Api api) {
        this.api = api;
    }

    /** Issues the missing cards of the given members of the store; returns how many were issued now. */
    int ensure(String store, List<String> memberIds) {
        int issued = 0;
        for (String member : memberIds) {
            String card = "/api/stores/" + store + "/members/" + member + "/card";
            if (api.get(card).status() == 404) {
                Api.Response joined = api.post(card, "");
                if (joined.status() != 201) {
                    throw new IllegalStateException("demo card for member " + member + " in " + store + ": "
                            + joined.raw());
                }
                issued++;
            }
        }
        return issued;
    }
}
