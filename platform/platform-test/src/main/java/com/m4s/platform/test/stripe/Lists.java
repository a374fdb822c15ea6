package com.m4s.platform.test.stripe;

import com.google.gson.JsonObject;
import java.util.List;

/** Stripe's list answers: newest first, {@code limit} (default 10), {@code starting_after}, filters. */
final class Lists {

    private Lists() {
    }

    static JsonObject page(List<JsonObject> newestFirst, FormParams p, String url) {
        Long limitParam = p.number("limit");
        int limit = limitParam == null ? 10 : (int) Math.max(1, Math.min(100, limitParam));
        int from = 0;
        String after = p.string("starting_after");
        if (after != null) {
            for (int i = 0; i < newestFirst.size(); i++) {
                if (after.equals(ObjectStore.str(newestFirst.get(i), "id"))) {
                    from = i + 1;
                }
            }
        }
        int to = Math.min(newestFirst.size(), from + limit);
        return ObjectStore.listOf(newestFirst.subList(from, to), url, to < newestFirst.size());
    }

    /** {@code created} filters: {@code created=t} or {@code created[gt|gte|lt|lte]=t}. */
    static boolean createdMatches(JsonObject json, FormParams p) {
        long created = ObjectStore.num(json, "created");
        Object filter = p.at("created");
        if (filter instanceof String exact) {
            return created == Long.parseLong(exact);
        }
        Long gt = p.number("created.gt");
        Long gte = p.number("created.gte");
        Long lt = p.number("created.lt");
        Long lte = p.number("created.lte");
        return (gt == null || created > gt) && (gte == null || created >= gte) && (lt == null || created < lt)
                && (lte == null || created <= lte);
    }

    /** True when the parameter of that name is absent or equals the object's field. */
    static boolean fieldMatches(JsonObject json, String field, FormParams p) {
        String wanted = p.string(field);
        return wanted == null || wanted.equals(ObjectStore.str(json, field));
    }
}
