/**
 * Used-car consignment (UCAR-1..3): owners (or staff for them) offer a car for sale through the store, experts
 * review it, approved cars are listed, reserved, sold or withdrawn. Every transition is a domain event on topic
 * {@value com.m4s.store.usedcar.UsedCarEvents#TOPIC}; the owner is told of each step through the notification
 * outbox, and the search index follows the events.
 */
@NullMarked
package com.m4s.store.usedcar;

import org.jspecify.annotations.NullMarked;
