package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Announcements to the demo stores' advisors (decision 0042), through the API as a manager posts them: two per store,
 * to every advisor; where a demo advisor can sign in (staff.gz_tianhe), they open the first, so the manager's list
 * shows one read and the badge of the advisor shows the other. Running again changes nothing that is there.
 */
final class DemoAnnouncements {

    private static final String[][] NEWS = {
        {"十二月保养季活动", "12 月 1 日至 31 日，到店保养工时 8 折，机油滤清器免费更换。请在接待时主动告知客户，并在工单备注“保养季”。"},
        {"顾问服务规范更新", "自下周一起，交车时请为客户讲解本次维修项目并邀请其在车主 App 中评价服务；每周例会将通报各顾问的评价情况。"},
    };

    private final Api api;

    DemoAnnouncements(Api api) {
        this.api = api;
    }

    /** Posts the demo news to the store's advisors unless posted before; the reader opens the first. */
    int ensure(String store, @Nullable Api reader) {
        String base = "/api/stores/" + store + "/advisors/announcements";
        JsonNode existing = api.get(base + "?size=100").json().path("content");
        int posted = 0;
        String first = null;
        for (String[] news : NEWS) {
            String id = null;
            for (JsonNode row : existing) {
                if (row.path("title").asString().equals(news[0])) {
                    id = row.path("id").asString();
                }
            }
            if (id == null) {
                Api.Response r = api.post(base, Map.of("title", news[0], "body", news[1]));
                if (r.status() == 422) {
                    return posted; // a store without advisors has nobody to tell
                }
                if (r.status() != 201) {
                    throw new IllegalStateException("demo announcement for " + store + ": " + r.raw());
                }
                id = r.json().path("id").asString();
                posted++;
            }
            if (first == null) {
                first = id;
            }
        }
        if (reader != null && first != null) {
            // opening is idempotent: a second run finds the receipt and changes nothing
            reader.post(base + "/mine/" + first + "/read", Map.of());
        }
        return posted;
    }
}
