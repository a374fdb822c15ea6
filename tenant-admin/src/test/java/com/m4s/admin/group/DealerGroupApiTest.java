package com.m4s.admin.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.ServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealerGroupApiTest extends ServiceTest {

    private static final String GROUPS = "/api/admin/groups";

    @Test
    void createsReadsAndRenamesAGroup() {
        Api.Response created = api().post(GROUPS, Map.of("code", "grp_rename", "name", "华南汽车"));
        Api.Response renamed = api().patch(GROUPS + "/grp_rename", Map.of("name", "华南汽车集团"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api().get(GROUPS + "/grp_rename").json().path("name").asString()).isEqualTo("华南汽车集团");
    }

    @Test
    void listsAndSearchesGroupsByNameOrCode() {
        api().post(GROUPS, Map.of("code", "grp_list_a", "name", "North Motors"));
        api().post(GROUPS, Map.of("code", "grp_list_b", "name", "South Motors"));

        Api.Response all = api().get(GROUPS + "?q=grp_list&sort=name,desc");
        Api.Response north = api().get(GROUPS + "?q=north");

        assertThat(all.json().path("content").findValuesAsString("code")).containsExactly("grp_list_b", "grp_list_a");
        assertThat(north.json().path("content").findValuesAsString("code")).containsExactly("grp_list_a");
    }

    @Test
    void refusesDuplicateCodesBadInputAndUnknownGroups() {
        api().post(GROUPS, Map.of("code", "grp_dup", "name", "One"));

        Api.Response duplicate = api().post(GROUPS, Map.of("code", "grp_dup", "name", "Two"));
        Api.Response badCode = api().post(GROUPS, Map.of("code", "Bad Code", "name", "X"));
        Api.Response longName = api().post(GROUPS, Map.of("code", "grp_long", "name", "x".repeat(101)));
        Api.Response missing = api().post(GROUPS, Map.of());
        Api.Response unknown = api().get(GROUPS + "/grp_nobody");
        Api.Response renameUnknown = api().patch(GROUPS + "/grp_nobody", Map.of("name", "X"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problemType()).isEqualTo("group-code-taken");
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(longName.status()).isEqualTo(422);
        assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("code", "name");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(renameUnknown.status()).isEqualTo(404);
        assertThat(api().get(GROUPS + "/grp_dup").json().path("name").asString()).isEqualTo("One");
        assertThat(api().get(GROUPS + "/grp_long").status()).isEqualTo(404);
    }
}
