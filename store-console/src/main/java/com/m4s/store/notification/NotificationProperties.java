package com.m4s.store.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message delivery settings ({@code m4s.notifications.*}).
 *
 * @param sweepInterval how often the delivery job looks at the stores with a message due
 */
@ConfigurationProperties("m4s.notifications")
record NotificationProperties(@DefaultValue("PT30S") Duration sweepInterval) {
}
