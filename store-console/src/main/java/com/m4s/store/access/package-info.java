/** What the caller may do in a store, published for the web UI's menus and buttons (decision 0018). */
@NullMarked
package com.m4s.store.access;

import org.jspecify.annotations.NullMarked;
