/** {@code ./mvnw -Pbench verify}: provisioning, start-up migration and member query figures of a fresh local stack. */
package com.m4s.infra.bench;
