package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tags and member segments for each demo store (decision 0041), through the API as staff would make them: a few of the
 * store's members tagged 新能源意向, VIP or 老客户 (the member list's batch action), then four segments a store uses —
 * 金卡及以上, 半年未回店, 生日在本月 and 新能源意向客户 — whose counts the list reads from the data as it is. A store
 * that has segments already is left as it is.
 */
final class DemoSegments {

    private final Api api;

    DemoSegments(Api api) {
        this.api = api;
    }

    /** Tags some of {@code members} and creates the store's segments when it has none; how many segments were made. */
    int ensure(String store, List<String> members) {
        String base = "/api/stores/" + store;
        Api.Response existing = api.get(base + "/segments?size=1");
        if (existing.status() != 200) {
            throw new IllegalStateException("demo segments of " + store + ": " + existing.raw());
        }
        if (existing.json().path("totalElements").asLong() > 0 || members.isEmpty()) {
            return 0;
        }
        tag(base, "新能源意向", every(members, 3, 0));
        tag(base, "VIP", every(members, 5, 1));
        tag(base, "老客户", every(members, 4, 2));
        List<Map<String, Object>> segments = List.of(
                segment("金卡及以上", Map.of("type", "CARD_LEVEL", "values", List.of("gold", "diamond"))),
                segment("半年未回店", Map.of("type", "NO_VISIT_MONTHS", "min", 6)),
                segment("生日在本月", Map.of("type", "BIRTHDAY_MONTH", "values", List.of("THIS_MONTH"))),
                segment("新能源意向客户", Map.of("type", "TAG", "values", List.of("新能源意向"))));
        for (Map<String, Object> segment : segments) {
            Api.Response created = api.post(base + "/segments", segment);
            if (created.status() != 201) {
                throw new IllegalStateException("demo segment " + segment.get("name") + ": " + created.raw());
            }
        }
        return segments.size();
    }

    private void tag(String base, String tag, List<String> members) {
        if (members.isEmpty()) {
            return;
        }
        Api.Response tagged = api.post(base + "/tags/batch", Map.of("memberIds", members, "tag", tag));
        if (tagged.status() != 200) {
            throw new IllegalStateException("demo tag " + tag + ": " + tagged.raw());
        }
    }

    private static List<String> every(List<String> members, int step, int from) {
        List<String> chosen = new ArrayList<>();
        for (int i = from; i < members.size(); i += step) {
            chosen.add(members.get(i));
        }
        return chosen;
    }

    private static Map<String, Object> segment(String name, Map<String, Object> rule) {
        return Map.of("name", name, "rules", List.of(rule));
    }
}
