package com.m4s.store.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private final Notification message = new Notification(Notifications.Message.sms("13800138000", null,
            "test", "你好"), NOW);

    @Test
    void aFailedAttemptIsRetriedLaterWithGrowingPauses() {
        message.attemptFailed("provider down", NOW);
        Instant first = message.view().createdAt();
        Notifications.MessageView afterOne = message.view();
        message.attemptFailed("provider down", NOW);
        message.attemptFailed("provider down", NOW);

        assertThat(afterOne.status()).isEqualTo("PENDING");
        assertThat(afterOne.attempts()).isEqualTo(1);
        assertThat(first).isEqualTo(NOW);
        assertThat(message.view().attempts()).isEqualTo(3);
        assertThat(message.view().lastError()).isEqualTo("provider down");
        assertThat(nextAttemptAfter(1)).isEqualTo(5);
        assertThat(nextAttemptAfter(3)).isEqualTo(20);
        assertThat(nextAttemptAfter(7)).isEqualTo(320);
    }

    @Test
    void afterTheLastAttemptTheMessageIsGivenUp() {
        for (int i = 0; i < Notification.MAX_ATTEMPTS - 1; i++) {
            message.attemptFailed("provider down", NOW);
        }
        String before = message.view().status();
        message.attemptFailed("provider down", NOW);

        assertThat(before).isEqualTo("PENDING");
        assertThat(message.view().status()).isEqualTo("FAILED");
    }

    @Test
    void aDeliveredMessageForgetsEarlierErrors() {
        message.attemptFailed("provider down", NOW);
        message.sent(NOW.plusSeconds(5));

        assertThat(message.view().status()).isEqualTo("SENT");
        assertThat(message.view().lastError()).isNull();
        assertThat(message.view().sentAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(message.view().attempts()).isEqualTo(2);
    }

    @Test
    void theServiceLogShowsOnlyPartOfThePhoneNumber() {
        assertThat(MessageLogChannel.mask("13800138000")).isEqualTo("138****8000");
        assertThat(MessageLogChannel.mask("someone@example.com")).isEqualTo("***");
    }

    /** Seconds until the next attempt after the given number of failures. */
    private static long nextAttemptAfter(int failures) {
        Notification m = new Notification(Notifications.Message.sms("13800138000", null, "t", "b"), NOW);
        for (int i = 0; i < failures; i++) {
            m.attemptFailed("x", NOW);
        }
        return java.time.Duration.between(NOW, m.nextAttemptAt()).toSeconds();
    }
}
