package com.m4s.store.mall;

import com.m4s.platform.events.EventConsumer;
import com.m4s.platform.events.EventConsumers;
import com.m4s.platform.events.ProcessedEvents;
import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.events.StoreEventHandler;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.store.member.Members;
import com.m4s.store.notification.Notifications;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the owner about their mall order's steps they wait for (decision 0051): ready at the desk, fitting booked,
 * released unpaid, refunded — an SMS through the store's notification outbox, once per event (marked in {@link
 * ProcessedEvents} in the same transaction). The pick-up code is never in the text: the message log is read by staff,
 * and the code is the owner's to show from the app.
 */
@Component
class MallOrderNotifier extends StoreEventHandler {

    static final String NAME = "store-console.mall-order-notifier";

    private static final Set<String> TOLD = Set.of(MallEvents.Type.MallOrderReady.name(),
            MallEvents.Type.MallOrderScheduled.name(), MallEvents.Type.MallOrderCancelled.name(),
            MallEvents.Type.MallOrderRefunded.name());

    private final ProcessedEvents processed;
    private final Members members;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    MallOrderNotifier(TenantRegistry tenants, ProcessedEvents processed, Members members, Notifications notifications,
            TransactionTemplate tx, JsonMapper json) {
        super(tenants);
        this.processed = processed;
        this.members = members;
        this.notifications = notifications;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected boolean wants(String eventType) {
        return TOLD.contains(eventType);
    }

    @Override
    protected void handleInStore(ReceivedEvent event) {
        tx.executeWithoutResult(status -> {
            if (!processed.firstTime(NAME, event.eventId())) {
                return;
            }
            MallEvents.MallOrderChanged order = json.readValue(event.payload(), MallEvents.MallOrderChanged.class);
            String text = text(event.type(), order);
            if (text != null) {
                members.contact(order.memberId()).ifPresent(owner -> notifications.send(Notifications.Message.sms(
                        owner.phone(), owner.memberId(), "mall-order-" + order.status().name().toLowerCase(
                                java.util.Locale.ROOT).replace('_', '-'), text)));
            }
        });
    }

    /** The owner's message for a step, in Chinese (the owners' language); null for none. */
    static @Nullable String text(String type, MallEvents.MallOrderChanged order) {
        String number = order.number();
        return switch (MallEvents.Type.valueOf(type)) {
            case MallOrderReady -> "【M4S】您的商城订单" + number + "已备货，请到店出示车主应用中的取货码领取。";
            case MallOrderScheduled -> "【M4S】您的商城订单" + number + "已预约安装，请按约定时间到店，详情见车主应用。";
            case MallOrderCancelled -> "【M4S】您的商城订单" + number
                    + "未完成支付，已取消，占用的优惠券、钱包余额和积分已退回。";
            case MallOrderRefunded -> order.status() == MallOrderStatus.REFUNDED
                    ? "【M4S】您的商城订单" + number + "已全额退款，款项按原支付方式退回。"
                    : "【M4S】您的商城订单" + number + "已部分退款，款项按原支付方式退回。";
            default -> null;
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Bean
        EventConsumer mallOrderNotifierConsumer(EventConsumers consumers, MallOrderNotifier notifier) {
            return consumers.create(NAME, List.of(MallEvents.TOPIC), notifier);
        }
    }
}
