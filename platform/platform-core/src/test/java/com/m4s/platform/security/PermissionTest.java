package com.m4s.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PermissionTest {

    private static Caller caller(Role role, @Nullable String department) {
        return new Caller("sub", "user", Set.of(role), "g", Set.of("s"), department);
    }

    @Test
    void storeStaffHaveADepartmentBoundPermissionOnlyInThoseDepartments() {
        assertThat(Permission.MEMBER_EDIT.grantedTo(caller(Role.STORE_STAFF, Departments.SERVICE))).isTrue();
        assertThat(Permission.MEMBER_EDIT.grantedTo(caller(Role.STORE_STAFF, Departments.FINANCE))).isFalse();
        assertThat(Permission.MEMBER_EDIT.grantedTo(caller(Role.STORE_STAFF, null))).isFalse();
        assertThat(Permission.USED_CAR_MANAGE.grantedTo(caller(Role.STORE_STAFF, Departments.SALES))).isTrue();
        assertThat(Permission.USED_CAR_MANAGE.grantedTo(caller(Role.STORE_STAFF, Departments.SERVICE))).isFalse();
    }

    @Test
    void departmentsDoNotLimitOtherRoles() {
        assertThat(Permission.USED_CAR_MANAGE.grantedTo(caller(Role.STORE_MANAGER, null))).isTrue();
        assertThat(Permission.USED_CAR_MANAGE.grantedTo(caller(Role.GROUP_EXECUTIVE, Departments.SALES))).isFalse();
    }

    @Test
    void aPermissionWithoutDepartmentsIsGrantedToStaffOfAnyDepartment() {
        assertThat(Permission.MEMBER_VIEW.grantedTo(caller(Role.STORE_STAFF, Departments.WORKSHOP))).isTrue();
        assertThat(Permission.MEMBER_VIEW.grantedTo(caller(Role.OWNER, null))).isFalse();
    }

    @Test
    void theStoreScopeListHoldsOnlyStorePermissionsInDeclarationOrder() {
        assertThat(Permission.grantedTo(caller(Role.PLATFORM_OPERATOR, null), Permission.Scope.STORE))
                .containsExactlyElementsOf(Arrays.stream(Permission.values())
                        .filter(p -> p.scope() == Permission.Scope.STORE && !p.roles().equals(Set.of(Role.OWNER)))
                        .toList());
        assertThat(Permission.grantedTo(caller(Role.OWNER, null), Permission.Scope.STORE)).containsExactly(
                Permission.STORE_ENTER, Permission.OWN_RECORD_VIEW, Permission.OWN_USED_CAR_MANAGE,
                Permission.PHOTO_UPLOAD, Permission.USED_CAR_MARKET_VIEW, Permission.POINTS_RULES_VIEW,
                Permission.OWN_POINTS_VIEW, Permission.CARD_VIEW, Permission.OWN_CARD_VIEW, Permission.OWN_CHECK_IN,
                Permission.OWN_POINTS_TRANSFER, Permission.OWN_SHARE, Permission.OWN_ADVISOR_RATE,
                Permission.OWN_REMINDERS_SET, Permission.OWN_PAYMENT, Permission.OWN_WALLET_VIEW,
                Permission.OWN_COUPON_VIEW, Permission.OWN_COUPON_CLAIM, Permission.OWN_GIFT, Permission.OWN_MALL);
    }

    @Test
    void departmentsNamedByPermissionsAreKnownDepartments() {
        for (Permission p : Permission.values()) {
            assertThat(Departments.ALL).as(p.name()).containsAll(p.departments());
        }
    }
}
