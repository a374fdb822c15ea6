package com.m4s.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of the platform (PERM-1), as named in Keycloak. */
public enum Role {
    /** Runs the platform: every group, every store. */
    PLATFORM_OPERATOR("platform-operator"),
    /** Reads every store of their dealer group, and the group's dashboards. */
    GROUP_EXECUTIVE("group-executive"),
    /** Runs their store(s) in full. */
    STORE_MANAGER("store-manager"),
    /** Works in their store(s), within their department. */
    STORE_STAFF("store-staff"),
    /** A car owner: their own member record, vehicles and orders. */
    OWNER("owner"),
    /** Another service of the platform, calling with a client-credentials token. */
    SERVICE("service"),
    /**
     * A store's DMS, calling with its own client-credentials token ({@code m4s-dms-<store>}, made by the store's
     * manager): sends repair orders to the one store its token names, nothing else.
     */
    DMS("dms");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> ofRealmRole(String name) {
        return Arrays.stream(values()).filter(r -> r.realmRole.equals(name)).findFirst();
    }
}
