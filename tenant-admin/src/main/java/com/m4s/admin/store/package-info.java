/** Stores of dealer groups: the tenant directory, and provisioning of each store's tenant in store-console. */
@NullMarked
package com.m4s.admin.store;

import org.jspecify.annotations.NullMarked;
