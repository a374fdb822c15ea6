package com.m4s.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity whose rows a ledger keeps from its own entries (a member's balance, the lots spent first-in first-out):
 * every change of such a row is made in the transaction of an entry that says what moved, by whom and why, and that
 * entry is audited with the actor and the client's address. The trail does not record the row's own changes as
 * well; they follow from the entries (a checker recomputes them), and recording them tripled the audit rows of
 * every posting (decision 0030, "Cost of a posting").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Derived {
}
