package com.m4s.platform.logging;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * One Commons Logging log over an SLF4J logger: each write asks the logger's level first and formats the message
 * ({@code String.valueOf}) only when it is on. The caller's class and line are reported as the caller's, not this
 * class's, when the logger can (Logback's can). {@code fatal} is written as an error, as Commons Logging's own bridge
 * does.
 */
final class LevelFirstLog implements Log {

    private static final String FQCN = LevelFirstLog.class.getName();

    private final Logger logger;
    private final @Nullable LocationAwareLogger located;

    LevelFirstLog(Logger logger) {
        this.logger = logger;
        this.located = logger instanceof LocationAwareLogger l ? l : null;
    }

    @Override
    public boolean isTraceEnabled() {
        return logger.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return logger.isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return logger.isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public boolean isFatalEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public void trace(Object message) {
        trace(message, null);
    }

    @Override
    public void trace(Object message, @Nullable Throwable t) {
        if (logger.isTraceEnabled()) {
            write(LocationAwareLogger.TRACE_INT, message, t);
        }
    }

    @Override
    public void debug(Object message) {
        debug(message, null);
    }

    @Override
    public void debug(Object message, @Nullable Throwable t) {
        if (logger.isDebugEnabled()) {
            write(LocationAwareLogger.DEBUG_INT, message, t);
        }
    }

    @Override
    public void info(Object message) {
        info(message, null);
    }

    @Override
    public void info(Object message, @Nullable Throwable t) {
        if (logger.isInfoEnabled()) {
            write(LocationAwareLogger.INFO_INT, message, t);
        }
    }

    @Override
    public void warn(Object message) {
        warn(message, null);
    }

    @Override
    public void warn(Object message, @Nullable Throwable t) {
        if (logger.isWarnEnabled()) {
            write(LocationAwareLogger.WARN_INT, message, t);
        }
    }

    @Override
    public void error(Object message) {
        error(message, null);
    }

    @Override
    public void error(Object message, @Nullable Throwable t) {
        if (logger.isErrorEnabled()) {
            write(LocationAwareLogger.ERROR_INT, message, t);
        }
    }

    @Override
    public void fatal(Object message) {
        error(message, null);
    }

    @Override
    public void fatal(Object message, @Nullable Throwable t) {
        error(message, t);
    }

    private void write(int level, Object message, @Nullable Throwable t) {
        String text = String.valueOf(message);
        if (located != null) {
            located.log(null, FQCN, level, text, null, t);
            return;
        }
        switch (level) {
            case LocationAwareLogger.TRACE_INT -> logger.trace(text, t);
            case LocationAwareLogger.DEBUG_INT -> logger.debug(text, t);
            case LocationAwareLogger.INFO_INT -> logger.info(text, t);
            case LocationAwareLogger.WARN_INT -> logger.warn(text, t);
            default -> logger.error(text, t);
        }
    }
}
