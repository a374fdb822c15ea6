package com.m4s.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Role;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Endpoints;
import com.m4s.platform.test.ServiceTest;
import com.m4s.platform.test.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Walks every endpoint of tenant-admin, read from its request mappings: no token is a 401; a token of another dealer
 * group or store gets no data of this group; a role the endpoint does not allow is a 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "m4s.store-console.url=http://127.0.0.1:9")
class AdminAccessMatrixTest extends ServiceTest {

    private static final String GROUP = "mx_group";
    private static final String SECRET_GROUP_NAME = "矩阵机密集团";
    private static final String SECRET_STORE_NAME = "矩阵机密门店";

    @Autowired
    ApplicationContext context;

    private List<Endpoints.Endpoint> all;
    /** The endpoints that need a token: all but the open ones. */
    private List<Endpoints.Endpoint> endpoints;
    private final Map<String, String> values = Map.of("code", GROUP, "groupCode", GROUP);

    @BeforeAll
    void group() {
        api().post("/api/admin/groups", Map.of("code", GROUP, "name", SECRET_GROUP_NAME));
        api().post("/api/admin/groups/" + GROUP + "/stores", Map.of("code", "mx_store", "name", SECRET_STORE_NAME,
                "city", "广州", "brand", "BMW", "timeZone", "Asia/Shanghai"));
        all = Endpoints.of(context, "/api/");
        endpoints = all.stream().filter(e -> !e.open()).toList();
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        assertThat(all).filteredOn(e -> !e.declared()).isEmpty();
    }

    /** Opening an endpoint to callers without a token is a decision: this list changes with it. */
    @Test
    void onlyStripesWebhookIsOpenAndItAcceptsNothingUnsigned() {
        assertThat(all).filteredOn(Endpoints.Endpoint::open).extracting(Endpoints.Endpoint::toString)
                // Stripe's billing events, signed with the webhook secret (decision 0047)
                .containsExactly("POST /api/admin/billing/stripe-webhook");
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint e : all.stream().filter(Endpoints.Endpoint::open).toList()) {
            for (Api caller : List.of(anonymous(), as(TestUsers.executive("mx_other_group")))) {
                Api.Response r = caller.send(e.method(), path(e), "{}");
                if (r.status() < 400 || r.status() >= 500 || r.raw().contains(SECRET_GROUP_NAME)) {
                    wrong.add(e + " -> " + r.status() + " " + r.raw());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint e : endpoints) {
            Api.Response r = anonymous().send(e.method(), path(e), e.writes() ? "{}" : null);
            if (r.status() != 401 || !r.isProblem()) {
                wrong.add(e + " -> " + r.status());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherGroupsExecutiveOrAStoreManagerSeesNothingOfThisGroup() {
        List<Api> outsiders = List.of(as(TestUsers.executive("mx_other_group")),
                as(TestUsers.manager("mx_other_group", "mx_other_store")));
        List<String> wrong = new ArrayList<>();
        for (Api outsider : outsiders) {
            for (Endpoints.Endpoint e : endpoints) {
                Api.Response r = outsider.send(e.method(), path(e), e.writes() ? "{}" : null);
                boolean leaked = r.raw().contains(SECRET_GROUP_NAME) || r.raw().contains(SECRET_STORE_NAME);
                // a list answers with the outsider's own (empty) scope; a write may fail validation first
                Set<Integer> acceptable = e.writes() ? Set.of(403, 404, 422) : Set.of(200, 403, 404);
                if (leaked || !acceptable.contains(r.status())) {
                    wrong.add(e + " -> " + r.status() + " " + r.raw());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(api().get("/api/admin/groups/" + GROUP).raw()).contains(SECRET_GROUP_NAME);
    }

    @Test
    void aRoleAnEndpointDoesNotAllowIsRefused() {
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint e : endpoints) {
            Role role = e.roleNotAllowed(List.of(Role.OWNER, Role.STORE_STAFF, Role.STORE_MANAGER,
                    Role.GROUP_EXECUTIVE)).orElseThrow(() -> new AssertionError(e + " allows every role"));
            Api caller = as(switch (role) {
                case OWNER -> TestUsers.owner("admin_matrix", "mx_store");
                case STORE_STAFF -> TestUsers.staff(GROUP, "mx_store", "service");
                case STORE_MANAGER -> TestUsers.manager(GROUP, "mx_store");
                default -> TestUsers.executive(GROUP);
            });
            Api.Response r = caller.send(e.method(), path(e), e.writes() ? "{}" : null);
            if (r.status() != 403) {
                wrong.add(e + " as " + role + " -> " + r.status() + " " + r.raw());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aGroupExecutiveSeesAndManagesOnlyTheirGroup() {
        Api executive = as(TestUsers.executive(GROUP));

        assertThat(executive.get("/api/admin/groups").json().path("content").findValuesAsString("code"))
                .containsExactly(GROUP);
        assertThat(executive.get("/api/admin/stores").json().path("content").findValuesAsString("code"))
                .containsExactly("mx_store");
        assertThat(executive.get("/api/admin/groups/huanan").status()).isEqualTo(403);
        assertThat(executive.post("/api/admin/groups", Map.of("code", "mx_new", "name", "x")).status())
                .isEqualTo(403);
    }

    private String path(Endpoints.Endpoint e) {
        return e.path(e.pattern().startsWith("/api/admin/stores/") ? Map.of("code", "mx_store") : values);
    }
}
