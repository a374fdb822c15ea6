/** The store console service: one package per feature of a store. */
@NullMarked
package com.m4s.store;

import org.jspecify.annotations.NullMarked;
