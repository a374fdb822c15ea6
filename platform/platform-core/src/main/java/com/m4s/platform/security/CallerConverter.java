package com.m4s.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a Keycloak access token of realm {@code m4s}: realm roles from {@code realm_access.roles}, dealer group,
 * stores and department from the {@code m4s_*} claims the realm's {@code m4s-tenancy} scope adds. Unknown roles
 * are ignored; a token without any platform role still authenticates but may call nothing.
 */
public class CallerConverter implements Converter<Jwt, CallerAuthentication> {

    public static final String GROUP = "m4s_group";
    public static final String STORES = "m4s_stores";
    public static final String DEPARTMENT = "m4s_department";

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        return new CallerAuthentication(jwt, callerOf(jwt));
    }

    public static Caller callerOf(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> names) {
            names.forEach(name -> Role.ofRealmRole(String.valueOf(name)).ifPresent(roles::add));
        }
        String username = jwt.getClaimAsString("preferred_username");
        return new Caller(jwt.getSubject() == null ? "" : jwt.getSubject(),
                username == null ? "" : username, roles, jwt.getClaimAsString(GROUP), stores(jwt),
                jwt.getClaimAsString(DEPARTMENT), displayName(jwt));
    }

    /**
     * The name people read: a Chinese name is family name then given name with no space ({@code 林} + {@code 晓峰} =
     * {@code 林晓峰}), where Keycloak's {@code name} claim would say "晓峰 林"; other names as the {@code name} claim
     * has them. None when the login has no name.
     */
    static @Nullable String displayName(Jwt jwt) {
        String family = jwt.getClaimAsString("family_name");
        String given = jwt.getClaimAsString("given_name");
        if (family != null && given != null && (isHan(family) || isHan(given))) {
            return family.strip() + given.strip();
        }
        String name = jwt.getClaimAsString("name");
        return name == null || name.isBlank() ? null : name.strip();
    }

    private static boolean isHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static Set<String> stores(Jwt jwt) {
        Object claim = jwt.getClaim(STORES);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return claim instanceof String single ? Set.of(single) : Set.copyOf(List.of());
    }
}
