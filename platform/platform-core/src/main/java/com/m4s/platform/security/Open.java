package com.m4s.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint anyone may call, with or without a token, in any store (e.g. an owner's sign-up before they have an
 * account). The exception to {@link Allow}: the handler must itself limit what it gives away. The cross-tenant tests
 * list every open endpoint explicitly, so opening one is a decision a reviewer sees.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Open {

    /** Why this endpoint needs no token. */
    String value();
}
