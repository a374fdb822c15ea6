/**
 * The audit trail (PERM-2): every insert, update and delete of an entity is recorded in the same transaction, with
 * who (subject, name, role), when, from where (client IP) and what (entity, id, changed fields before and after).
 */
@NullMarked
package com.m4s.platform.audit;

import org.jspecify.annotations.NullMarked;
