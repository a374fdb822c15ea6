package com.m4s.store.notification;

/**
 * Hands one message to the outside world. Throwing means "not delivered, try again later". A message may be
 * handed over twice if the store's database fails right after a hand-over (at-least-once), so providers should
 * de-duplicate on the message id where they can.
 */
public interface DeliveryChannel {

    /** @param store code of the store the message is from */
    void deliver(String store, OutgoingMessage message) throws Exception;

    /** What a channel sees of a message. */
    record OutgoingMessage(java.util.UUID id, Notifications.Channel channel, String recipient, String topic,
            String body) {
    }
}
