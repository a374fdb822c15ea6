package com.m4s.store.staff;

import com.m4s.platform.security.Role;

/** The only roles a store may grant: never operator, executive or service. */
public enum StaffRole {
    STORE_MANAGER(Role.STORE_MANAGER), STORE_STAFF(Role.STORE_STAFF);

    private final Role role;

    StaffRole(Role role) {
        this.role = role;
    }

    String realmRole() {
        return role.realmRole();
    }

    /** The store role a login's realm roles give: a manager when it is one, else staff. */
    static StaffRole of(java.util.Collection<String> realmRoles) {
        return realmRoles.contains(STORE_MANAGER.realmRole()) ? STORE_MANAGER : STORE_STAFF;
    }

    /** The realm roles of staff: a login holds exactly one of them. */
    static java.util.List<String> realmRoles() {
        return java.util.Arrays.stream(values()).map(StaffRole::realmRole).toList();
    }
}
