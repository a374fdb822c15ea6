package com.m4s.platform.security;

import org.jspecify.annotations.Nullable;

/** Which stores a caller may act in. */
public final class StoreAccess {

    private StoreAccess() {
    }

    /**
     * Operators act everywhere; group executives in the stores of their dealer group; everyone else only in the
     * stores their token names (a store's DMS credential names its one store). Service accounts act in no store
     * through the public API.
     *
     * @param storeGroup the dealer group owning the store, if known
     */
    public static boolean mayEnter(Caller caller, String storeCode, @Nullable String storeGroup) {
        if (caller.has(Role.PLATFORM_OPERATOR)) {
            return true;
        }
        if (caller.has(Role.GROUP_EXECUTIVE) && caller.group() != null && caller.group().equals(storeGroup)) {
            return true;
        }
        return caller.stores().contains(storeCode)
                && (caller.has(Role.STORE_MANAGER) || caller.has(Role.STORE_STAFF) || caller.has(Role.OWNER)
                        || caller.has(Role.DMS));
    }

    /** Whether to say 404 for a store that does not exist, instead of hiding it behind a 403. */
    public static boolean mayKnowAbsence(Caller caller, String storeCode) {
        return caller.has(Role.PLATFORM_OPERATOR) || caller.stores().contains(storeCode);
    }
}
