/**
 * Owner accounts: a car owner signs up in the owner app and is bound to their member record in the store, proven by
 * a verification code sent to the member's phone through the notification outbox; afterwards the owner reads their
 * own record and vehicles.
 */
@NullMarked
package com.m4s.store.owner;

import org.jspecify.annotations.NullMarked;
