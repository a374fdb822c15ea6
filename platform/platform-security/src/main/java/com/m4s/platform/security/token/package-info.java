/**
 * Bearer-token handling shared by the servlet services (platform-core) and the reactive gateway: reading the
 * {@code Authorization} header ({@link BearerHeader}), the characters a request's headers may carry
 * ({@link HeaderText}, the firewall's rules without regular expressions), and remembering tokens that passed the full
 * check until they expire ({@link VerifiedTokens}). Nothing here depends on a web stack.
 */
@NullMarked
package com.m4s.platform.security.token;

import org.jspecify.annotations.NullMarked;
