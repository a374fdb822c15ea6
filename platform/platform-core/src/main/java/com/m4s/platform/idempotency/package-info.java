/** Idempotency-Key on POSTs: the first answer is kept per caller and key and replayed for a repeated request. */
@NullMarked
package com.m4s.platform.idempotency;

import org.jspecify.annotations.NullMarked;
