package com.m4s.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs. Every handler method (or its controller) declares it; an endpoint without it is
 * refused to everyone, and the cross-tenant test fails. Who has a permission is said once, in {@link Permission}.
 * Under {@code /api/stores/{store}/...} the caller must in addition be allowed in that store: operators everywhere,
 * group executives in their group's stores, everyone else in the stores their token names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {

    /** The permission the caller needs. */
    Permission value();
}
