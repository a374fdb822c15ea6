/**
 * Who is calling: the caller taken from a Keycloak access token, the roles of the platform, the declaration every
 * endpoint makes of who may call it, and its enforcement (including which stores a caller may act in).
 */
@NullMarked
package com.m4s.platform.security;

import org.jspecify.annotations.NullMarked;
