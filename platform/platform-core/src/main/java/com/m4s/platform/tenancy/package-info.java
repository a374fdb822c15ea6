/**
 * Schema-per-store tenancy: the tenant of a request, its schema and database role, the Hibernate hooks that switch
 * both on every connection, and provisioning and migration of store schemas.
 */
@NullMarked
package com.m4s.platform.tenancy;

import org.jspecify.annotations.NullMarked;
