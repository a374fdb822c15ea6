/**
 * Tags and saved segments of members (会员标签与分群, MEM-4), decision 0041: staff tag members with the store's
 * free-text tags; a segment is a name and rules combined with AND, evaluated as one SQL statement on every read, so
 * its count and members are always current. Campaigns take a segment's members through {@link
 * com.m4s.store.segment.Segments#memberIds}.
 */
@NullMarked
package com.m4s.store.segment;

import org.jspecify.annotations.NullMarked;
