package com.m4s.infra.stack;

import com.m4s.platform.servers.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Manual point campaigns for each demo store (decision 0037), through the API as staff would run them: one drafted
 * by the operator and approved by the store's demo manager, so the store's job grants it and its members' histories
 * show the campaign; and one waiting for review. A store without a demo manager of its own gets only the waiting one
 * (nobody but its author could approve it). A store that has campaigns already is left as it is.
 */
final class DemoPointCampaigns {

    private final Api api;

    DemoPointCampaigns(Api api) {
        this.api = api;
    }

    /**
     * Creates the store's demo campaigns when it has none; {@code reviewer} is the store's manager (another person
     * than the operator who drafts), or null. Returns how many were created now.
     */
    int ensure(String store, List<String> members, @Nullable Api reviewer) {
        String base = "/api/stores/" + store + "/point-campaigns";
        Api.Response existing = api.get(base + "?size=1");
        if (existing.status() != 200) {
            throw new IllegalStateException("demo point campaigns of " + store + ": " + existing.raw());
        }
        if (existing.json().path("totalElements").asLong() > 0 || members.isEmpty()) {
            return 0;
        }
        int created = 0;
        if (reviewer != null) {
            String done = submitted(base, campaign("店庆积分回馈", "门店开业周年，感谢老会员长期支持，每人赠送 200 积分。", 200L,
                    members.subList(0, Math.min(3, members.size()))));
            Api.Response approved = reviewer.post(base + "/" + done + "/approve", Map.of("note", "同意发放"),
                    Map.of("If-Match", "\"" + api.get(base + "/" + done).json().path("version").asLong() + "\""));
            if (approved.status() != 200) {
                throw new IllegalStateException("demo point campaign approval: " + approved.raw());
            }
            created++;
        }
        submitted(base, campaign("冬季回访感谢", "冬季保养回访中配合填写问卷的会员，每人 100 积分（待店长审核）。", 100L,
                members.subList(Math.min(3, members.size()), Math.min(8, members.size()))));
        return created + 1;
    }

    private String submitted(String base, Map<String, Object> campaign) {
        Api.Response created = api.post(base, campaign);
        if (created.status() != 201) {
            throw new IllegalStateException("demo point campaign " + campaign.get("name") + ": " + created.raw());
        }
        String id = created.json().path("id").asString();
        Api.Response submitted = api.post(base + "/" + id + "/submit", "", Map.of("If-Match", "\""
                + created.json().path("version").asLong() + "\""));
        if (submitted.status() != 200) {
            throw new IllegalStateException("demo point campaign " + campaign.get("name") + ": " + submitted.raw());
        }
        return id;
    }

    private static Map<String, Object> campaign(String name, String reason, long points, List<String> members) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", name);
        campaign.put("reason", reason);
        campaign.put("pointsPerMember", points);
        campaign.put("memberIds", members);
        return campaign;
    }
}
