/** The stores this service serves (its copy of the tenant directory), their provisioning and start-up migration. */
@NullMarked
package com.m4s.store.tenant;

import org.jspecify.annotations.NullMarked;
