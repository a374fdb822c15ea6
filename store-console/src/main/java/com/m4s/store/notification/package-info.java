/**
 * The store's outgoing messages (notification outbox): a feature records a message in the same transaction as the
 * change that causes it; the dispatcher delivers it after commit through the configured channel, retrying with
 * back-off, and the store's message log shows every message and its delivery state.
 */
@NullMarked
package com.m4s.store.notification;

import org.jspecify.annotations.NullMarked;
