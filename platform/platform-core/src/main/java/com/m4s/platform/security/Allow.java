package com.m4s.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint. Every handler method (or its controller) declares it; an endpoint without it is refused
 * to everyone, and the cross-tenant test fails. Under {@code /api/stores/{store}/...} the caller must in addition be
 * allowed in that store: operators everywhere, group executives in their group's stores, everyone else in the stores
 * their token names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {

    /** Roles that may call. */
    Role[] value();

    /** When not empty, store staff may call only if their department is one of these. */
    String[] departments() default {};
}
