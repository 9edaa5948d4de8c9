/**
 * Scheduled jobs that run once per tick however many instances of a service run: a
 * {@code @SchedulerLock} job takes a ShedLock lock in the service's own database before
 * it runs, and an instance that finds the lock taken skips its tick.
 */
package com.littlethreads.platform.scheduling;
