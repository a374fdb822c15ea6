/** Logins of a store's people in Keycloak (staff, owners), through its Admin API. */
@NullMarked
package com.m4s.store.identity;

import org.jspecify.annotations.NullMarked;
