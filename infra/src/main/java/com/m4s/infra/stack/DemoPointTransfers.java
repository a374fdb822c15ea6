package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.Map;

/**
 * Point transfers in the demo store of the demo owner (decision 0040), made as an owner makes them in the app: the
 * demo owner gives points to two other demo members of the store, and the store's manager (the operator here)
 * reverses the second with a reason, so the console's 积分转赠 list shows both statuses and the members' histories
 * show the counterpart. The other demo stores have no owner login, so no transfers (an owner makes every transfer).
 * A store that has transfers already is left as it is; a transfer the owner's points do not cover is left out.
 */
final class DemoPointTransfers {

    private final Api api;
    private final Api owner;

    DemoPointTransfers(Api api, Api owner) {
        this.api = api;
        this.owner = owner;
    }

    /** Makes the demo transfers when the store has none; how many were made now. */
    int ensure(String store, String firstPhone, String secondPhone) {
        String base = "/api/stores/" + store;
        Api.Response existing = api.get(base + "/point-transfers?size=1");
        if (existing.status() != 200) {
            throw new IllegalStateException("demo point transfers of " + store + ": " + existing.raw());
        }
        if (existing.json().path("totalElements").asLong() > 0) {
            return 0;
        }
        int made = 0;
        String last = null;
        for (Object[] transfer : new Object[][] {{firstPhone, 50L}, {secondPhone, 30L}}) {
            Api.Response r = owner.post(base + "/me/point-transfers", Map.of("phone", transfer[0], "points",
                    transfer[1]), Map.of("Idempotency-Key", "demo-transfer-" + transfer[0]));
            if (r.status() == 409) {
                continue; // not enough available points (yet): the next run tries again
            }
            if (r.status() != 200) {
                throw new IllegalStateException("demo point transfer: " + r.raw());
            }
            last = r.json().path("id").asString();
            made++;
        }
        if (made == 2 && last != null) {
            Api.Response reversed = api.post(base + "/point-transfers/" + last + "/reversal",
                    Map.of("reason", "车主误转，来电申请撤回"));
            if (reversed.status() != 200) {
                throw new IllegalStateException("demo point transfer reversal: " + reversed.raw());
            }
        }
        return made;
    }
}
