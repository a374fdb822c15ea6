/**
 * Per-store jobs: recurring and background work a feature does for one store at a time ({@link
 * com.m4s.platform.jobs.StoreJob}), run over the active stores by one runner per service ({@link
 * com.m4s.platform.jobs.StoreJobRunner}) under a cluster-wide lock per job, with run records, back-off and an
 * operator view; and the restart-with-back-off loop of the service's long-running workers ({@link
 * com.m4s.platform.jobs.BackgroundLoop}).
 */
@NullMarked
package com.m4s.platform.jobs;

import org.jspecify.annotations.NullMarked;
