package com.m4s.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code POST} whose whole work is one transaction of the service's database and nothing outside it: no call to
 * another service, no transaction of its own per row, no exception caught and carried on from. Its
 * {@code Idempotency-Key} record is written, with the answer, in that same transaction (one transaction per request
 * instead of three): the record's primary key decides which of two requests with the key commits, the other is
 * rolled back and answered the first's answer. A repeat runs the work again before it is rolled back, so the work
 * must be safe to run and roll back (a ledger posting, which its own key makes a no-op the second time).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OneTransaction {
}
