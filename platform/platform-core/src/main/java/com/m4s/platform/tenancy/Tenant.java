package com.m4s.platform.tenancy;

import java.util.regex.Pattern;

/**
 * A store as the persistence layer sees it: its code, the schema holding its data and the database role that may
 * touch only that schema. Names are derived from the code, which is validated so it can be used as an identifier.
 */
public record Tenant(String storeCode, String schema, String role) {

    /** Lower-case letter first, then letters, digits or underscores; 3 to 30 characters. */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{2,29}");
    public static final String SCHEMA_PREFIX = "store_";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public Tenant {
        requireIdentifier(schema);
        requireIdentifier(role);
    }

    /** Derives schema {@code store_<code>} and role {@code <rolePrefix><code>}. */
    public static Tenant of(String storeCode, String rolePrefix) {
        if (!isValidCode(storeCode)) {
            throw new IllegalArgumentException("not a valid store code: " + storeCode);
        }
        return new Tenant(storeCode, SCHEMA_PREFIX + storeCode, rolePrefix + storeCode);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }
}
