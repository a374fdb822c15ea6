/** The bookkeeping every entity shares: id, when it was made and last changed, and its version. */
@NullMarked
package com.m4s.platform.entity;

import org.jspecify.annotations.NullMarked;
