package com.m4s.store.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * The delivery channel of deployments without an SMS provider contract (local stacks, demos, test environments):
 * a message counts as delivered once it is written to the service log, and people read it in the store's message
 * log. A deployment with a provider registers its own {@link DeliveryChannel} bean, which replaces this one.
 */
@Component
@ConditionalOnMissingBean(value = DeliveryChannel.class, ignored = MessageLogChannel.class)
class MessageLogChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger("m4s.messages");

    @Override
    public void deliver(String store, OutgoingMessage message) {
        log.info("{} to {} from store {} [{}]: {}", message.channel(), mask(message.recipient()), store,
                message.topic(), message.id());
    }

    /** 13800138000 becomes 138****8000: the service log is read by more people than the store's message log. */
    static String mask(String recipient) {
        return recipient.length() == 11 ? recipient.substring(0, 3) + "****" + recipient.substring(7) : "***";
    }
}
