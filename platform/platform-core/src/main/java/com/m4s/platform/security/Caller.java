package com.m4s.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person or service behind a request, as its access token states it.
 *
 * @param subject the token's {@code sub}: stable user id in Keycloak
 * @param username the token's {@code preferred_username}
 * @param group dealer group the caller belongs to ({@code m4s_group}), if any
 * @param stores stores the caller may act in ({@code m4s_stores})
 * @param department department of store staff ({@code m4s_department}), if any
 * @param displayName the person's name as people read it ({@code 林晓峰}), from the token's name claims; none for a
 *     service or a login without a name
 */
public record Caller(String subject, String username, Set<Role> roles, @Nullable String group, Set<String> stores,
        @Nullable String department, @Nullable String displayName) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        stores = Set.copyOf(stores);
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    /** A caller without a display name. */
    public Caller(String subject, String username, Set<Role> roles, @Nullable String group, Set<String> stores,
            @Nullable String department) {
        this(subject, username, roles, group, stores, department, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the current request, if it is authenticated with a token. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication c ? Optional.of(c.caller()) : Optional.empty();
    }

    /**
     * The login of the current request's caller, as the records of who did what keep it ({@code created_by},
     * {@code actor}), or {@code unknown} outside a signed-in request.
     */
    public static String currentUsername() {
        return current().map(Caller::username).orElse("unknown");
    }

    /**
     * The current caller's name as people read it where a step is shown beside the person (the person's name, else
     * their login), or {@code unknown} outside a signed-in request.
     */
    public static String currentName() {
        return current().map(c -> c.displayName() != null ? c.displayName() : c.username()).orElse("unknown");
    }

    /** The most powerful role, for audit records and logs. */
    public String primaryRole() {
        return roles.stream().sorted().findFirst().map(Role::realmRole).orElse("none");
    }
}
