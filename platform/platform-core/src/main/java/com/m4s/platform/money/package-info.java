/** Money: an amount of a currency, kept to the fen, for entities, JSON and the OpenAPI documents. */
@NullMarked
package com.m4s.platform.money;

import org.jspecify.annotations.NullMarked;
