package com.m4s.store.photo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cleanup of unreferenced photos ({@code m4s.photo-cleanup.*}).
 *
 * @param grace how old an unreferenced photo must be before it is deleted: longer than a form may stay open between
 *     uploading a picture and submitting it
 * @param interval how often each store is swept
 * @param batch photos looked at per transaction
 */
@ConfigurationProperties("m4s.photo-cleanup")
record PhotoCleanupProperties(@DefaultValue("PT24H") Duration grace, @DefaultValue("PT6H") Duration interval,
        @DefaultValue("100") int batch) {

    PhotoCleanupProperties {
        if (grace.isNegative() || grace.isZero() || batch < 1) {
            throw new IllegalArgumentException("m4s.photo-cleanup: grace must be positive and batch at least 1");
        }
    }
}
