/**
 * Choosing members for a feature that gives each of them something in a job (point campaigns, gift distributions):
 * an uploaded list of phones and plates read ({@link com.m4s.store.selection.MemberFile}) and matched to the store's
 * members ({@link com.m4s.store.selection.MemberSelection}); segments are taken from {@code Segments.memberIds}.
 */
@NullMarked
package com.m4s.store.selection;

import org.jspecify.annotations.NullMarked;
