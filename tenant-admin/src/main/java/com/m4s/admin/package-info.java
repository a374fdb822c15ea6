/** The tenant-admin service: one package per feature (dealer groups, stores). */
@NullMarked
package com.m4s.admin;

import org.jspecify.annotations.NullMarked;
