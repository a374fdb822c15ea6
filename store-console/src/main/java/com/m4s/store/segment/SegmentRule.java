package com.m4s.store.segment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a segment; a segment's rules are combined with AND. Which fields a rule reads depends on its type (the
 * others must be left out): {@code values} for CARD_LEVEL (card level codes, any of), BIRTHDAY_MONTH (months 1–12 or
 * THIS_MONTH, any of), SOURCE (member sources, any of), TAG (tag names, any of) and ADVISOR (advisors' usernames,
 * any of); {@code min}/{@code max} for POINTS_BALANCE (available points, inclusive) and VEHICLE_AGE (whole years,
 * inclusive); {@code min} alone for NO_VISIT_MONTHS (no repair order opened in the last N months, and at least one
 * before); {@code text} for VEHICLE_MODEL (a vehicle's model contains it, any case).
 */
public record SegmentRule(@NotNull SegmentRuleType type,
        @Size(max = 50) @Nullable List<@Size(max = 64) String> values,
        @Nullable Long min, @Nullable Long max,
        @Size(max = 64) @Nullable String text) {

    /** The kinds of rule. */
    public enum SegmentRuleType {
        CARD_LEVEL, POINTS_BALANCE, NO_VISIT_MONTHS, VEHICLE_MODEL, VEHICLE_AGE, BIRTHDAY_MONTH, SOURCE, TAG, ADVISOR
    }
}
