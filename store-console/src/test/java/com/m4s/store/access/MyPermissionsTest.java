package com.m4s.store.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each caller reads the permissions they have in a store: what the web UI builds its menus and buttons from. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyPermissionsTest extends StoreConsoleTest {

    private static final String STORE = "perm_store";
    private static final String MINE = "/api/stores/" + STORE + "/me/permissions";

    @BeforeAll
    void store() {
        provision(STORE);
    }

    @Test
    void salesStaffMayEditMembersAndManageUsedCarsButNotStaff() {
        Api.Response r = as(TestUsers.staff(GROUP, STORE, Departments.SALES)).get(MINE);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("store").asString()).isEqualTo(STORE);
        assertThat(r.json().path("permissions").valueStream().map(n -> n.asString()).toList())
                .containsExactly("STORE_ENTER", "CONSOLE_USE", "MEMBER_VIEW", "MEMBER_EDIT", "USED_CAR_VIEW",
                        "USED_CAR_MANAGE", "PHOTO_UPLOAD", "USED_CAR_MARKET_VIEW", "POINTS_VIEW", "POINTS_RULES_VIEW",
                        "REPAIR_ORDER_VIEW", "CARD_VIEW", "CARD_MANAGE", "POINT_TASK_VIEW", "POINT_CAMPAIGN_VIEW",
                        "POINT_TRANSFER_VIEW", "ADVISOR_VIEW", "SEGMENT_VIEW", "PAYMENT_VIEW", "WALLET_VIEW",
                        "COUPON_VIEW", "GIFT_VIEW", "MALL_VIEW", "MALL_MANAGE");
    }

    @Test
    void financeStaffOnlyRead() {
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.FINANCE)).get(MINE).json().path("permissions")
                .valueStream().map(n -> n.asString()).toList())
                .containsExactly("STORE_ENTER", "CONSOLE_USE", "MEMBER_VIEW", "USED_CAR_VIEW", "USED_CAR_MARKET_VIEW",
                        "POINTS_VIEW", "POINTS_RULES_VIEW", "REPAIR_ORDER_VIEW", "CARD_VIEW", "POINT_TASK_VIEW",
                        "POINT_CAMPAIGN_VIEW", "POINT_TRANSFER_VIEW", "ADVISOR_VIEW", "SEGMENT_VIEW", "PAYMENT_VIEW",
                        "WALLET_VIEW", "COUPON_VIEW", "GIFT_VIEW", "MALL_VIEW");
    }

    @Test
    void serviceStaffSendRepairOrdersAndRedeemPointsButOnlyCustomerCareAndManagersAdjustThem() {
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.SERVICE)).get(MINE).json().path("permissions")
                .valueStream().map(n -> n.asString()).toList())
                .contains("POINTS_VIEW", "POINTS_REDEEM", "REPAIR_ORDER_IMPORT", "REPAIR_ORDER_BATCH")
                .doesNotContain("POINTS_ADJUST", "POINTS_RULES_MANAGE", "OWN_POINTS_VIEW", "DMS_CREDENTIAL_MANAGE");
        assertThat(as(TestUsers.staff(GROUP, STORE, Departments.CUSTOMER_CARE)).get(MINE).json().path("permissions")
                .valueStream().map(n -> n.asString()).toList())
                .contains("POINTS_ADJUST", "POINTS_REDEEM", "POINT_TASK_MANAGE", "POINT_CAMPAIGN_MANAGE",
                        "SEGMENT_VIEW", "SEGMENT_MANAGE", "MEMBER_TAG", "COUPON_VIEW", "COUPON_ISSUE", "GIFT_MANAGE",
                        "GIFT_REDEEM")
                .doesNotContain("REPAIR_ORDER_IMPORT", "POINT_CAMPAIGN_REVIEW", "MEMBER_EXPORT", "COUPON_MANAGE");
        assertThat(as(TestUsers.manager(GROUP, STORE)).get(MINE).json().path("permissions").valueStream()
                .map(n -> n.asString()).toList())
                .contains("POINTS_ADJUST", "POINTS_RULES_MANAGE", "REPAIR_ORDER_IMPORT", "POINT_TASK_MANAGE",
                        "DMS_CREDENTIAL_MANAGE", "POINT_CAMPAIGN_MANAGE", "POINT_CAMPAIGN_REVIEW", "ADVISOR_VIEW",
                        "ADVISOR_MANAGE", "SEGMENT_VIEW", "SEGMENT_MANAGE", "MEMBER_TAG", "ANNOUNCEMENT_POST",
                        "COUPON_VIEW", "COUPON_MANAGE", "COUPON_ISSUE")
                .doesNotContain("OWN_CHECK_IN", "OWN_ADVISOR_RATE", "OWN_COUPON_VIEW", "OWN_COUPON_CLAIM");
    }

    @Test
    void aManagerHasEveryStorePermissionButTheOwnersOwn() {
        assertThat(as(TestUsers.manager(GROUP, STORE)).get(MINE).json().path("permissions").valueStream()
                .map(n -> n.asString()).toList())
                .contains("STAFF_MANAGE", "MESSAGE_LOG_VIEW", "AUDIT_VIEW", "STORE_SEARCH_REBUILD")
                .doesNotContain("OWN_RECORD_VIEW", "STORE_CREATE", "STORE_SCHEMA_PROVISION");
    }

    @Test
    void anExecutiveOfTheGroupReadsButChangesNothing() {
        assertThat(as(TestUsers.executive(GROUP)).get(MINE).json().path("permissions").valueStream()
                .map(n -> n.asString()).toList())
                .contains("MEMBER_VIEW", "STAFF_VIEW", "AUDIT_VIEW")
                .doesNotContain("MEMBER_EDIT", "USED_CAR_MANAGE", "STAFF_MANAGE", "MESSAGE_LOG_VIEW");
    }

    @Test
    void aManagerOfAnotherStoreIsRefused() {
        assertThat(as(TestUsers.manager(GROUP, "perm_other")).get(MINE).status()).isEqualTo(403);
    }
}
