package com.m4s.store.mall;

import com.m4s.platform.events.EventConsumer;
import com.m4s.platform.events.EventConsumers;
import com.m4s.platform.events.ProcessedEvents;
import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.events.StoreEventHandler;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.store.payment.PaymentEvents;
import com.m4s.store.payment.PaymentSubjectType;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves mall orders as their payments move (decision 0051): a consumer of the payment events that takes each one
 * once ({@link ProcessedEvents}, marked in the same transaction as the order's step) — an online part paid, a payment
 * failed or timed out (the order cancelled, its stock released), a refund (the order refunded, its goods back in
 * stock when all of it was).
 */
@Component
class MallOrderPayments extends StoreEventHandler {

    static final String NAME = "store-console.mall-order-payments";

    private static final Set<String> WANTED = Set.of(PaymentEvents.Type.PaymentMade.name(),
            PaymentEvents.Type.PaymentFailed.name(), PaymentEvents.Type.PaymentRefunded.name());

    private final ProcessedEvents processed;
    private final MallOrders orders;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    MallOrderPayments(TenantRegistry tenants, ProcessedEvents processed, MallOrders orders, TransactionTemplate tx,
            JsonMapper json) {
        super(tenants);
        this.processed = processed;
        this.orders = orders;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected boolean wants(String eventType) {
        return WANTED.contains(eventType);
    }

    @Override
    protected void handleInStore(ReceivedEvent event) {
        tx.executeWithoutResult(status -> {
            if (!processed.firstTime(NAME, event.eventId())) {
                return;
            }
            if (event.type().equals(PaymentEvents.Type.PaymentRefunded.name())) {
                var refund = json.readValue(event.payload(), PaymentEvents.PaymentRefundRecorded.class);
                orders.paymentEvent(event.type(), refund.paymentId(), refund.status(), refund.refundedFen());
            } else {
                var payment = json.readValue(event.payload(), PaymentEvents.PaymentRecorded.class);
                if (payment.subjectType() == PaymentSubjectType.MALL_ORDER) {
                    orders.paymentEvent(event.type(), payment.paymentId(), payment.status(), 0);
                }
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Bean
        EventConsumer mallOrderPaymentConsumer(EventConsumers consumers, MallOrderPayments handler) {
            return consumers.create(NAME, List.of(PaymentEvents.TOPIC), handler);
        }
    }
}
