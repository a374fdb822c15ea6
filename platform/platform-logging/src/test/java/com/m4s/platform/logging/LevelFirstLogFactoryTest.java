package com.m4s.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LevelFirstLogFactoryTest {

    private static final String NAME = "com.m4s.platform.logging.test";

    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    /** Keeps what is written, with the caller worked out while it is written (Logback does that lazily). */
    private final ListAppender<ILoggingEvent> written = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.getCallerData();
            super.append(event);
        }
    };
    private final AtomicInteger formatted = new AtomicInteger();
    private final Object message = new Object() {
        @Override
        public String toString() {
            formatted.incrementAndGet();
            return "书面消息";
        }
    };

    @BeforeEach
    void listen() {
        written.start();
        logback.addAppender(written);
        logback.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        logback.detachAppender(written);
        logback.setLevel(null);
    }

    @Test
    void springsLogApiFindsThisFactory() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelFirstLogFactory.class);
        assertThat(LogFactory.getLog(NAME)).isInstanceOf(LevelFirstLog.class).isSameAs(LogFactory.getLog(NAME));
    }

    @Test
    void aMessageBelowTheLevelIsNeverFormatted() {
        Log log = LogFactory.getLog(NAME);

        log.trace(message);
        log.debug(message);
        log.debug(message, new IllegalStateException("not written"));

        assertThat(formatted).hasValue(0);
        assertThat(written.list).isEmpty();
        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(log.isInfoEnabled()).isTrue();
    }

    @Test
    void aMessageAtTheLevelIsFormattedOnceAndWrittenAsTheCallersWithItsError() {
        Log log = LogFactory.getLog(NAME);
        IllegalStateException error = new IllegalStateException("boom");

        log.info(message);
        log.fatal(message, error);

        assertThat(formatted).hasValue(2);
        assertThat(written.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.ERROR);
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).containsOnly("书面消息");
        assertThat(written.list.get(1).getThrowableProxy().getMessage()).isEqualTo("boom");
        assertThat(written.list.get(0).getCallerData()[0].getClassName()).isEqualTo(getClass().getName());
    }
}
