/** The audit trail of the platform's (groups, stores) data, read-only (PERM-2). */
@NullMarked
package com.m4s.admin.audit;

import org.jspecify.annotations.NullMarked;
