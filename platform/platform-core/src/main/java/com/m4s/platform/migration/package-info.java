/** Liquibase migrations of service schemas and store schemas, creating the schema and its role first. */
@NullMarked
package com.m4s.platform.migration;

import org.jspecify.annotations.NullMarked;
