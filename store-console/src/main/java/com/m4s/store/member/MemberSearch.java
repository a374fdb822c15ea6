package com.m4s.store.member;

import com.m4s.platform.web.Like;
import java.util.Locale;
import java.util.Map;

/**
 * The members a search text finds, as every list of members searches them (the member list, an advisor's book): the
 * name contains the text (any case), the phone contains the digits, or one of the member's plates contains it — each
 * part from its own GIN index on {@code search_grams} (decision 0021). {@link #HITS} goes in front of the list's
 * statement, which then keeps the rows whose member id is {@code in (select id from hits)}.
 */
public final class MemberSearch {

    /** The {@code with hits} of the matching members' ids, found once for the page and the count. */
    public static final String HITS = """
            with hits as materialized (
              select id from member where search_grams @> string_to_array(:grams, ' ')
                and (lower(name) like :text escape '\\' or phone like :text escape '\\')
              union
              select member_id from vehicle where search_grams @> string_to_array(:plateGrams, ' ')
                and plate like :plate escape '\\')""";

    private MemberSearch() {
    }

    /** The parameters {@link #HITS} takes for {@code query} (not blank). */
    public static Map<String, Object> parameters(String query) {
        String plate = VehicleDetails.normalize(query);
        return Map.of("grams", Like.grams(query), "text", Like.contains(query), "plateGrams", Like.grams(plate),
                "plate", Like.contains(plate).toUpperCase(Locale.ROOT));
    }
}
