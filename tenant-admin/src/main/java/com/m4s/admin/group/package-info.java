/** Dealer groups: the customers of the platform, each owning stores. */
@NullMarked
package com.m4s.admin.group;

import org.jspecify.annotations.NullMarked;
