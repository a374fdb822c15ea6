package com.m4s.store.usedcar;

import com.m4s.platform.events.EventConsumer;
import com.m4s.platform.events.EventConsumers;
import com.m4s.platform.events.ProcessedEvents;
import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.events.StoreEventHandler;
import com.m4s.platform.security.Permission;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.store.member.Members;
import com.m4s.store.notification.Notifications;
import com.m4s.store.staff.Staff;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the consignment's steps in the inboxes of the people who act on them (the bell, decision 0029): a car
 * submitted or resubmitted goes to every staff login of the store that may review it ({@link
 * Permission#USED_CAR_MANAGE}, as Keycloak lists the store's staff); changes requested, approval and rejection go to
 * the owner login bound to the seller's member record. A consumer of the used-car events like {@link UsedCarNotifier},
 * marking the event processed in the transaction of the messages, so an event handed over twice adds nothing (and the
 * inbox's unique event and recipient would refuse it anyway).
 */
@Component
class UsedCarInbox extends StoreEventHandler {

    static final String NAME = "store-console.used-car-inbox";

    /** Event type → the inbox message's kind (its texts are {@code inbox.<kind>.title} and {@code .body}). */
    static final Map<String, String> KINDS = Map.of(
            UsedCarEvents.Type.UsedCarSubmitted.name(), "used-car-submitted",
            UsedCarEvents.Type.UsedCarResubmitted.name(), "used-car-resubmitted",
            UsedCarEvents.Type.UsedCarChangesRequested.name(), "used-car-changes-requested",
            UsedCarEvents.Type.UsedCarListed.name(), "used-car-listed",
            UsedCarEvents.Type.UsedCarRejected.name(), "used-car-rejected");
    /** The events that ask a reviewer to act; the others tell the seller. */
    private static final Set<String> FOR_REVIEWERS = Set.of(UsedCarEvents.Type.UsedCarSubmitted.name(),
            UsedCarEvents.Type.UsedCarResubmitted.name());

    private final ProcessedEvents processed;
    private final UsedCarRepository cars;
    private final Members members;
    private final Staff staff;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    UsedCarInbox(TenantRegistry tenants, ProcessedEvents processed, UsedCarRepository cars, Members members,
            Staff staff, Notifications notifications, TransactionTemplate tx, JsonMapper json) {
        super(tenants);
        this.processed = processed;
        this.cars = cars;
        this.members = members;
        this.staff = staff;
        this.notifications = notifications;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected boolean wants(String eventType) {
        return KINDS.containsKey(eventType);
    }

    @Override
    protected void handleInStore(ReceivedEvent event) {
        UsedCarEvents.UsedCarChanged car = json.readValue(event.payload(), UsedCarEvents.UsedCarChanged.class);
        // Keycloak is asked before the transaction starts, so no connection waits on it; a Keycloak that does not
        // answer fails the batch, which is handed over again
        List<String> reviewers = FOR_REVIEWERS.contains(event.type())
                ? staff.loginsWith(Permission.USED_CAR_MANAGE) : List.of();
        tx.executeWithoutResult(status -> {
            if (!processed.firstTime(NAME, event.eventId())) {
                return;
            }
            String kind = KINDS.get(event.type());
            List<String> arguments = List.of(car.make(), car.model(), String.valueOf(car.year()), detail(event, car));
            if (FOR_REVIEWERS.contains(event.type())) {
                String link = "/console/" + event.storeCode() + "/used-cars/" + car.usedCarId();
                reviewers.forEach(login -> notifications.post(new Notifications.InboxMessage(login, kind, arguments,
                        link, event.eventId())));
            } else {
                String link = "/app/used-cars/" + car.usedCarId();
                cars.findById(car.usedCarId()).flatMap(c -> members.ownerLogin(c.memberId())).ifPresent(owner ->
                        notifications.post(new Notifications.InboxMessage(owner, kind, arguments, link,
                                event.eventId())));
            }
        });
    }

    /** The fourth argument: the reviewer's note, or the asking price of a listed car. */
    private static String detail(ReceivedEvent event, UsedCarEvents.UsedCarChanged car) {
        if (event.type().equals(UsedCarEvents.Type.UsedCarListed.name())) {
            return car.askingPriceYuan() == null ? "" : String.format("%,d", car.askingPriceYuan());
        }
        return car.note() == null ? "" : car.note().length() <= 200 ? car.note() : car.note().substring(0, 199) + "…";
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Bean
        EventConsumer usedCarInboxMessages(EventConsumers consumers, UsedCarInbox inbox) {
            return consumers.create(NAME, List.of(UsedCarEvents.TOPIC), inbox);
        }
    }
}
