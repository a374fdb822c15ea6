/**
 * Staff of a store and their permissions (PERM-1): a manager invites staff with a role and department, changes
 * them, disables and re-enables them. Each change is made in Keycloak (the identity) and in the store's staff table,
 * in an order that survives either side failing.
 */
@NullMarked
package com.m4s.store.staff;

import org.jspecify.annotations.NullMarked;
