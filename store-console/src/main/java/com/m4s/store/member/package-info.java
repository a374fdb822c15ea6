/** Members of a store and their vehicles (MEM-2 basics): profile, search by name, phone or plate. */
@NullMarked
package com.m4s.store.member;

import org.jspecify.annotations.NullMarked;
