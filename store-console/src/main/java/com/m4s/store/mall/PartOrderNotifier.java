package com.m4s.store.mall;

import com.m4s.platform.events.EventConsumer;
import com.m4s.platform.events.EventConsumers;
import com.m4s.platform.events.ProcessedEvents;
import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.events.StoreEventHandler;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.store.member.Members;
import com.m4s.store.notification.Notifications;
import com.m4s.store.staff.Staff;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the people waiting for a part ordered for a customer that it arrived (decision 0052): the owner by an SMS
 * through the store's notification outbox, as {@link MallOrderNotifier} tells them about their mall orders, when they
 * said yes to it (the order's {@code notifyOwner}); and the advisor bound to the member at the arrival in the
 * console's bell ({@code inbox.part-order-arrived}), or, when the member has none, whoever recorded the order. Once per
 * event: the event is marked in {@link ProcessedEvents} in the transaction of the messages.
 */
@Component
class PartOrderNotifier extends StoreEventHandler {

    static final String NAME = "store-console.part-order-notifier";
    static final String KIND = "part-order-arrived";

    private final ProcessedEvents processed;
    private final Members members;
    private final Staff staff;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    PartOrderNotifier(TenantRegistry tenants, ProcessedEvents processed, Members members, Staff staff,
            Notifications notifications, TransactionTemplate tx, JsonMapper json) {
        super(tenants);
        this.processed = processed;
        this.members = members;
        this.staff = staff;
        this.notifications = notifications;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected boolean wants(String eventType) {
        return MallEvents.Type.PartOrderArrived.name().equals(eventType);
    }

    @Override
    protected void handleInStore(ReceivedEvent event) {
        MallEvents.PartOrderChanged order = json.readValue(event.payload(), MallEvents.PartOrderChanged.class);
        // Keycloak is asked before the transaction starts, so no connection waits on it; a Keycloak that does not
        // answer fails the batch, which is handed over again
        Optional<String> login = login(order.advisor() != null ? order.advisor() : order.recordedBy());
        tx.executeWithoutResult(status -> {
            if (!processed.firstTime(NAME, event.eventId())) {
                return;
            }
            var owner = members.contact(order.memberId());
            if (order.notifyOwner()) {
                owner.ifPresent(o -> notifications.send(Notifications.Message.sms(o.phone(), o.memberId(), KIND,
                        text(order))));
            }
            login.ifPresent(recipient -> notifications.post(new Notifications.InboxMessage(recipient, KIND,
                    List.of(order.partName(), order.number(), owner.map(o -> o.name()).orElse(""),
                            String.valueOf(order.quantity())),
                    "/console/" + event.storeCode() + "/part-orders/" + order.partOrderId(), event.eventId())));
        });
    }

    /** The login id (the token's {@code sub}) of a staff username, as Keycloak lists the store's staff. */
    private Optional<String> login(@Nullable String username) {
        if (username == null) {
            return Optional.empty();
        }
        return staff.list(null, PageRequest.of(0, 10_000)).content().stream()
                .filter(e -> username.equals(e.username())).map(Staff.StaffEntry::loginId).filter(Objects::nonNull)
                .findFirst();
    }

    /** The owner's message, in Chinese (the owners' language). */
    static String text(MallEvents.PartOrderChanged order) {
        return "【M4S】您预订的配件" + order.partName() + "（" + order.quantity() + "件，预订单" + order.number()
                + "）已到店，请到店领取或预约安装，详情见车主应用。";
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Bean
        EventConsumer partOrderArrivalConsumer(EventConsumers consumers, PartOrderNotifier notifier) {
            return consumers.create(NAME, List.of(MallEvents.TOPIC), notifier);
        }
    }
}
