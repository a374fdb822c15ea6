package com.m4s.store.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Manual point campaigns (PTS-3) as a store runs them: a manager drafts and submits a campaign, cannot approve it
 * herself, another manager approves it and the store's job grants each member once through the ledger
 * ({@code campaign:<id>:<member>}); a second approval is refused and grants nothing; a grant cut short after two
 * members and run again, and even run again after its progress was lost, leaves each member exactly one entry; an
 * uploaded list adds the members its phones and plates name and reports the lines that match nobody.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointCampaignsTest extends StoreConsoleTest {

    private static final String STORE = "pcamp_a";
    private static final String BASE = "/api/stores/" + STORE;

    @Autowired
    TenantRegistry tenants;
    @Autowired
    PointCampaigns campaigns;
    @Autowired
    PointCampaignGrantJob job;

    private int phones;
    private final Map<String, String> phoneOf = new java.util.HashMap<>();

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void theAuthorCannotApproveAnotherManagerDoesAndEachMemberIsGrantedOnce() {
        List<String> chosen = List.of(member("赵活动"), member("钱活动"), member("孙活动"));
        String gone = member("李已删");
        Api.Response created = author().post(BASE + "/point-campaigns", campaign("店庆回馈", 200L,
                List.of(chosen.get(0), chosen.get(1))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(author().post(BASE + "/point-campaigns/" + id + "/members", Map.of("memberIds",
                List.of(chosen.get(2), gone, chosen.get(0)))).json().path("members").asLong())
                .as("a member already in is not added twice").isEqualTo(4);

        JsonNode submitted = author().post(BASE + "/point-campaigns/" + id + "/submit", "", ifMatch(id)).json();
        assertThat(submitted.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(author().put(BASE + "/point-campaigns/" + id, campaign("店庆回馈", 999L, null), ifMatch(id))
                .json().path("type").asString()).as("a submitted campaign cannot change")
                .endsWith("point-campaign-illegal-move");
        assertThat(manager().delete(BASE + "/members/" + gone).status()).isEqualTo(204);

        Api.Response own = author().post(BASE + "/point-campaigns/" + id + "/approve", Map.of("note", "同意"),
                ifMatch(id));
        assertThat(own.status()).as(own.raw()).isEqualTo(409);
        assertThat(own.json().path("type").asString()).endsWith("point-campaign-own-review");
        assertThat(own.json().path("detail").asString()).isEqualTo("积分活动“店庆回馈”是您创建的，须由另一位经理审核。");
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.CUSTOMER_CARE))
                .post(BASE + "/point-campaigns/" + id + "/approve", "", ifMatch(id)).status())
                .as("customer care drafts but does not review").isEqualTo(403);
        assertThat(manager().post(BASE + "/point-campaigns/" + id + "/approve", "", Map.of("If-Match", "\"0\""))
                .status()).as("a review of an older version").isEqualTo(409);

        Api.Response approved = manager().post(BASE + "/point-campaigns/" + id + "/approve", Map.of("note", "同意发放"),
                ifMatch(id));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.json().path("reviewedBy").asString()).isEqualTo(TestUsers.manager(GROUP, STORE));
        JsonNode done = Eventually.await(Duration.ofSeconds(30), "the campaign granted",
                () -> manager().get(BASE + "/point-campaigns/" + id).json(),
                c -> "DONE".equals(c.path("status").asString()));

        assertThat(done.path("members").asLong()).isEqualTo(4);
        assertThat(done.path("membersDone").asLong()).isEqualTo(4);
        assertThat(done.path("granted").asLong()).isEqualTo(3);
        assertThat(done.path("pointsGranted").asLong()).isEqualTo(600);
        assertThat(done.path("skipped").asLong()).isEqualTo(1);
        assertThat(done.path("skippedGone").asLong()).as("the deleted member is skipped, with why").isEqualTo(1);
        assertThat(entries(id)).containsExactlyInAnyOrderElementsOf(chosen.stream()
                .map(m -> m + " GRANT 200 200 店庆回馈 campaign:" + id + ":" + m).toList());
        assertThat(strings("select event_type from console.event_outbox where topic = 'm4s.pointcampaign'"
                + " and payload->>'campaignId' = ? order by id", id)).containsExactly("PointCampaignCreated",
                "PointCampaignMembersChanged", "PointCampaignSubmitted", "PointCampaignApproved",
                "PointCampaignGrantStarted", "PointCampaignGranted");

        Api.Response again = other().post(BASE + "/point-campaigns/" + id + "/approve", "", ifMatch(id));
        assertThat(again.status()).as("approved twice").isEqualTo(409);
        assertThat(again.json().path("type").asString()).endsWith("point-campaign-illegal-move");
        inStore(() -> campaigns.grant(UUID.fromString(id)));
        inStore(() -> job.run(tenant()));
        assertThat(entries(id)).as("nothing new after the second approval and another run").hasSize(3);
        assertThat(manager().get(BASE + "/members/" + chosen.get(0) + "/points").json().path("available").asLong())
                .isEqualTo(200);
    }

    @Test
    void aRejectedCampaignGoesBackToItsAuthorWithTheNote() {
        String id = author().post(BASE + "/point-campaigns", campaign("错发活动", 50L, List.of(member("周驳回"))))
                .json().path("id").asString();
        author().post(BASE + "/point-campaigns/" + id + "/submit", "", ifMatch(id));
        assertThat(manager().post(BASE + "/point-campaigns/" + id + "/reject", Map.of("note", " "), ifMatch(id))
                .json().path("type").asString()).endsWith("point-campaign-note-required");
        JsonNode rejected = manager().post(BASE + "/point-campaigns/" + id + "/reject", Map.of("note", "积分过少"),
                ifMatch(id)).json();
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("reviewNote").asString()).isEqualTo("积分过少");
        JsonNode edited = author().put(BASE + "/point-campaigns/" + id, campaign("错发活动", 80L, null), ifMatch(id))
                .json();
        assertThat(edited.path("status").asString() + " " + edited.path("pointsPerMember").asLong())
                .isEqualTo("DRAFT 80");
        assertThat(author().post(BASE + "/point-campaigns/" + id + "/submit", "", ifMatch(id)).json()
                .path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(entries(id)).isEmpty();
    }

    @Test
    void aGrantCutShortAfterTwoMembersAndRunAgainGrantsEachMemberExactlyOnce() throws SQLException {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chosen.add(member("中断" + i));
        }
        String id = author().post(BASE + "/point-campaigns", campaign("中断重试", 30L, chosen)).json().path("id")
                .asString();
        author().post(BASE + "/point-campaigns/" + id + "/submit", "", ifMatch(id));
        campaigns.crashAfter(2);
        assertThat(manager().post(BASE + "/point-campaigns/" + id + "/approve", "", ifMatch(id)).status())
                .isEqualTo(200);
        Eventually.await(Duration.ofSeconds(30), "the grant cut short", () -> strings("select last_error from"
                + " console.job_run where job = 'point-campaign-grant' and store_code = ?"
                + " and consecutive_failures > 0", STORE), errors -> !errors.isEmpty());
        JsonNode cut = manager().get(BASE + "/point-campaigns/" + id).json();
        assertThat(cut.path("status").asString() + " " + cut.path("membersDone").asLong() + "/"
                + cut.path("members").asLong()).isEqualTo("GRANTING 2/5");
        assertThat(entries(id)).hasSize(2);

        inStore(() -> job.run(tenant()));
        List<String> once = chosen.stream().map(m -> m + " GRANT 30 30 中断重试 campaign:" + id + ":" + m).toList();
        assertThat(entries(id)).containsExactlyInAnyOrderElementsOf(once);
        assertThat(manager().get(BASE + "/point-campaigns/" + id).json().path("status").asString()).isEqualTo("DONE");

        // progress lost (as if every member's outcome had not been written): the ledger's key still holds
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".point_campaign_member set outcome = null, entry_id = null where campaign_id = ?::uuid;"
                + " update store_" + STORE + ".point_campaign set status = 'GRANTING' where id = ?::uuid")) {
            u.setString(1, id);
            u.setString(2, id);
            u.execute();
        }
        inStore(() -> job.run(tenant()));
        assertThat(entries(id)).containsExactlyInAnyOrderElementsOf(once);
        JsonNode redone = manager().get(BASE + "/point-campaigns/" + id).json();
        assertThat(redone.path("status").asString() + " " + redone.path("granted").asLong() + " "
                + redone.path("pointsGranted").asLong()).isEqualTo("DONE 5 150");
    }

    @Test
    void anUploadedListAddsTheMembersItNamesAndReportsTheLinesThatMatchNobody() {
        String byPhone = member("吴文件");
        String phone = phoneOf.get(byPhone);
        String byPlate = member("郑车牌", "粤B6C789");
        String id = author().post(BASE + "/point-campaigns", campaign("名单导入", 10L, null)).json().path("id")
                .asString();
        String csv = "\uFEFF手机号,车牌号,备注\n" + phone + ",,老客户\n,粤b 6c789,车主\n13912345678,,不认识\n,,只有备注\n"
                + phone + ",,重复\n";
        Api.Response r = author().upload(BASE + "/point-campaigns/" + id + "/members/file", "file", "名单.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.path("lines").asInt() + " " + result.path("added").asInt() + " "
                + result.path("alreadyIn").asInt()).isEqualTo("5 2 1");
        List<String> unmatched = new ArrayList<>();
        result.path("unmatched").forEach(u -> unmatched.add(u.path("rowNo").asInt() + " " + u.path("value")
                .asString() + " " + u.path("reason").asString()));
        assertThat(unmatched).containsExactly("4 13912345678 本店没有手机号或车牌号为 13912345678 的会员。",
                "5  此行既没有手机号也没有车牌号。");
        List<String> members = new ArrayList<>();
        manager().get(BASE + "/point-campaigns/" + id + "/members").json().path("content")
                .forEach(m -> members.add(m.path("memberId").asString() + " " + m.path("chosenBy").asString()));
        assertThat(members).containsExactlyInAnyOrder(byPhone + " FILE", byPlate + " FILE");

        Api.Response noColumn = author().upload(BASE + "/point-campaigns/" + id + "/members/file", "file", "x.csv",
                "text/csv", "姓名\n张三\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumn.status()).isEqualTo(422);
        assertThat(noColumn.json().path("type").asString()).endsWith("member-file-columns");
    }

    @Test
    void theListFiltersByStatusAndSearches() {
        String id = author().post(BASE + "/point-campaigns", campaign("搜索专用活动", 5L, List.of(member("冯列表"))))
                .json().path("id").asString();
        author().post(BASE + "/point-campaigns/" + id + "/submit", "", ifMatch(id));
        JsonNode page = manager().get(BASE + "/point-campaigns?status=SUBMITTED&q=" + java.net.URLEncoder.encode(
                "搜索专用", StandardCharsets.UTF_8)).json();
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);
        JsonNode row = page.path("content").get(0);
        assertThat(row.path("name").asString() + " " + row.path("members").asLong() + " "
                + row.path("ownCampaign").asBoolean()).isEqualTo("搜索专用活动 1 false");
        assertThat(author().get(BASE + "/point-campaigns/" + id).json().path("ownCampaign").asBoolean()).isTrue();
        assertThat(manager().get(BASE + "/point-campaigns?status=DONE&q=" + java.net.URLEncoder.encode("搜索专用",
                StandardCharsets.UTF_8)).json().path("totalElements").asLong()).isZero();
        Api.Response export = manager().get(BASE + "/point-campaigns/export?status=SUBMITTED");
        assertThat(export.status()).isEqualTo(200);
    }

    // --- helpers

    /** The campaign's author: a manager too, so only the own-review rule stops her. */
    private Api author() {
        return as(TestUsers.ensure("mgr2." + STORE, Role.STORE_MANAGER, GROUP, List.of(STORE), null));
    }

    private Api manager() {
        return as(TestUsers.manager(GROUP, STORE));
    }

    private Api other() {
        return as(TestUsers.ensure("mgr3." + STORE, Role.STORE_MANAGER, GROUP, List.of(STORE), null));
    }

    private Map<String, String> ifMatch(String id) {
        return Map.of("If-Match", "\"" + manager().get(BASE + "/point-campaigns/" + id).json().path("version")
                .asLong() + "\"");
    }

    private static Map<String, Object> campaign(String name, Long points, List<String> members) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", name);
        campaign.put("reason", name + "：感谢会员支持");
        campaign.put("pointsPerMember", points);
        campaign.put("memberIds", members);
        return campaign;
    }

    private String member(String name) {
        return member(name, null);
    }

    private String member(String name, String plate) {
        String phone = "1370000" + String.format("%04d", ++phones);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", Map.of("name", name, "phone", phone));
        if (plate != null) {
            body.put("vehicles", List.of(Map.of("plate", plate, "vin", "LSVAM4187C218" + String.format("%04d", phones),
                    "model", "帕萨特")));
        }
        Api.Response r = manager().post(BASE + "/members", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        phoneOf.put(r.json().path("id").asString(), phone);
        return r.json().path("id").asString();
    }

    private void inStore(Runnable work) {
        TenantContext.supplyAs(tenant(), () -> {
            work.run();
            return null;
        });
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    /** The campaign's entries: member, kind, available and earned change, the source's reference, the key. */
    private List<String> entries(String campaign) {
        return strings("select member_id || ' ' || kind || ' ' || available_delta || ' ' || earned_delta || ' ' ||"
                + " source_ref || ' ' || idempotency_key from store_" + STORE + ".points_entry"
                + " where source_type = 'POINT_CAMPAIGN' and source_id = ?::uuid order by created_at, id", campaign);
    }

}
