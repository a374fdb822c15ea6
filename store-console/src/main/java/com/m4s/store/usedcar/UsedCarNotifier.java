package com.m4s.store.usedcar;

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
 * Tells the seller of a consigned car about each step (UCAR-2): a consumer of the used-car events that writes an SMS
 * to the store's notification outbox, marking the event processed in the same transaction, so an event delivered
 * twice sends one message. The text describes the car as the event has it, not as it is when the message is written.
 */
@Component
class UsedCarNotifier extends StoreEventHandler {

    static final String NAME = "store-console.used-car-notifier";
    static final String TOPIC_PREFIX = "used-car-";

    private static final Set<String> SILENT = Set.of(UsedCarEvents.Type.UsedCarDetailsChanged.name());

    private final ProcessedEvents processed;
    private final UsedCarRepository cars;
    private final Members members;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    UsedCarNotifier(TenantRegistry tenants, ProcessedEvents processed, UsedCarRepository cars, Members members,
            Notifications notifications, TransactionTemplate tx, JsonMapper json) {
        super(tenants);
        this.processed = processed;
        this.cars = cars;
        this.members = members;
        this.notifications = notifications;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected boolean wants(String eventType) {
        return !SILENT.contains(eventType);
    }

    @Override
    protected void handleInStore(ReceivedEvent event) {
        tx.executeWithoutResult(status -> notify(event));
    }

    private void notify(ReceivedEvent event) {
        if (!processed.firstTime(NAME, event.eventId())) {
            return;
        }
        UsedCarEvents.UsedCarChanged car = json.readValue(event.payload(), UsedCarEvents.UsedCarChanged.class);
        String text = text(event.type(), car);
        if (text == null) {
            return;
        }
        cars.findById(car.usedCarId()).flatMap(c -> members.contact(c.memberId())).ifPresent(seller ->
                notifications.send(Notifications.Message.sms(seller.phone(), seller.memberId(),
                        TOPIC_PREFIX + kebab(event.type()), text)));
    }

    /** The seller's message for an event type, in Chinese (the owners' language); null for none. */
    static @Nullable String text(String type, UsedCarEvents.UsedCarChanged car) {
        String name = car.year() + "款" + car.make() + " " + car.model();
        String note = car.note() == null ? "" : shorten(car.note(), 300);
        String price = car.askingPriceYuan() == null ? "" : String.format("%,d", car.askingPriceYuan());
        return switch (type) {
            case "UsedCarSubmitted" -> "【M4S】您的" + name + "已提交寄售申请，门店将尽快完成专家审核。";
            case "UsedCarResubmitted" -> "【M4S】您已重新提交" + name + "，门店将尽快完成审核。";
            case "UsedCarChangesRequested" -> "【M4S】您寄售的" + name + "需要修改：" + note + "。请在车主App中修改后重新提交。";
            case "UsedCarRejected" -> "【M4S】很抱歉，您寄售的" + name + "未通过审核，原因：" + note + "。";
            case "UsedCarListed" -> "【M4S】您寄售的" + name + "已通过专家审核并上架，标价" + price + "元。";
            case "UsedCarListingChanged" -> "【M4S】您寄售的" + name + "标价已调整为" + price + "元。";
            case "UsedCarReserved" -> "【M4S】您寄售的" + name + "已被买家预订。";
            case "UsedCarReservationReleased" -> "【M4S】您寄售的" + name + "预订已取消，车辆重新在售。";
            case "UsedCarSold" -> "【M4S】恭喜！您寄售的" + name + "已售出，门店将与您联系结算。";
            case "UsedCarWithdrawn" -> "【M4S】您寄售的" + name + "已下架" + (note.isEmpty() ? "" : "：" + note) + "。";
            default -> null;
        };
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** UsedCarChangesRequested → changes-requested. */
    static String kebab(String type) {
        String rest = type.startsWith("UsedCar") ? type.substring("UsedCar".length()) : type;
        return rest.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Bean
        EventConsumer usedCarNotifications(EventConsumers consumers, UsedCarNotifier notifier) {
            return consumers.create(NAME, List.of(UsedCarEvents.TOPIC), notifier);
        }
    }
}
