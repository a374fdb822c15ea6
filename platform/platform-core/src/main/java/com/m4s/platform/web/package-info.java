/** RFC 9457 problem responses for every error, and the shared shapes of the HTTP API (pages). */
@NullMarked
package com.m4s.platform.web;

import org.jspecify.annotations.NullMarked;
