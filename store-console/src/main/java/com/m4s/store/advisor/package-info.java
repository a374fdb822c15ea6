/**
 * Advisors (MEM-3, decision 0038): the store's staff who serve customers, as Keycloak lists them, with a profile the
 * store keeps (phone, photo, the name the DMS writes, active); the members bound to each; owners' ratings of the
 * advisor of a settled repair order; and a performance list per advisor in plain SQL.
 */
@NullMarked
package com.m4s.store.advisor;

import org.jspecify.annotations.NullMarked;
