/** Time: the one {@link java.time.Clock} every time-based rule reads, and each store's time zone and calendar day. */
@NullMarked
package com.m4s.platform.time;

import org.jspecify.annotations.NullMarked;
