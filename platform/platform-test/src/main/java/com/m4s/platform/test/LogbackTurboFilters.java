package com.m4s.platform.test;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The turbo filters of this JVM's Logback context. Logback asks each of them on every level check of every logger
 * (every {@code isDebugEnabled} of every library on a request's path), so a service should run with none: what a
 * service test asserts after its context started.
 */
public final class LogbackTurboFilters {

    private LogbackTurboFilters() {
    }

    /** The class names of the installed turbo filters. */
    public static List<String> installed() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return context.getTurboFilterList().stream().map(TurboFilter::getClass).map(Class::getName).toList();
    }
}
