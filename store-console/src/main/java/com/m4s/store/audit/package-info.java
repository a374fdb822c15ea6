/** The audit trail of the store's data, read-only (PERM-2). */
@NullMarked
package com.m4s.store.audit;

import org.jspecify.annotations.NullMarked;
