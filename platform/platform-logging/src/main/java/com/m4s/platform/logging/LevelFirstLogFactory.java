package com.m4s.platform.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The Commons Logging factory of every service and the gateway (found by Commons Logging through
 * {@code META-INF/services}): its logs write to SLF4J like the library's own SLF4J bridge, but ask the level before
 * they turn a message into text.
 *
 * <p>Why: Spring logs with Commons Logging, much of it as {@code logger.debug(LogMessage.format(...))} on the request
 * path, counting on the message being formatted only when debug is on. Commons Logging 1.3's SLF4J bridge calls
 * {@code String.valueOf(message)} first and lets SLF4J drop the text afterwards, so with every such level off each
 * request still ran {@code String.format} for Spring Security's matchers and authorization decisions (about 3 % of
 * the gateway's CPU on a proxied request). Decision 0021.
 */
public final class LevelFirstLogFactory extends LogFactory {

    private final Map<String, Log> logs = new ConcurrentHashMap<>();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(Class<?> clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, n -> new LevelFirstLog(LoggerFactory.getLogger(n)));
    }

    @Override
    public @Nullable Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(String[]::new);
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void release() {
        logs.clear();
    }
}
