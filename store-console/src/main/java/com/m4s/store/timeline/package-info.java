/**
 * Member 360 (MEM-2, decision 0042): one reverse-chronological stream of a member's dealings with the store, read in
 * one plain SQL statement over the features' own tables and the audit trail, each kind shown only to callers holding
 * the permission that reads it.
 */
@NullMarked
package com.m4s.store.timeline;

import org.jspecify.annotations.NullMarked;
