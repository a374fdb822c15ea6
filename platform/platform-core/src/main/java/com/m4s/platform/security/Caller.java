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
 */
public record Caller(String subject, String username, Set<Role> roles, @Nullable String group, Set<String> stores,
        @Nullable String department) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        stores = Set.copyOf(stores);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the current request, if it is authenticated with a token. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication c ? Optional.of(c.caller()) : Optional.empty();
    }

    /** The most powerful role, for audit records and logs. */
    public String primaryRole() {
        return roles.stream().sorted().findFirst().map(Role::realmRole).orElse("none");
    }
}
