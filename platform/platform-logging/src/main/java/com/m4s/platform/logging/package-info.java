/**
 * Apache Commons Logging (Spring's own log API) written through SLF4J, each message formatted only when its level is
 * on.
 */
@NullMarked
package com.m4s.platform.logging;

import org.jspecify.annotations.NullMarked;
