package com.m4s.store.mall;

import com.m4s.platform.entity.KeyedEntity;
import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.advisor.BoundAdvisors;
import com.m4s.store.member.Members;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parts ordered for customers (配件预订, MALL-3, decision 0052): recorded, arrived, handed over, or cancelled with a
 * reason. Each move is one transaction that changes the order and publishes its event on {@value MallEvents#TOPIC};
 * the arrival's event tells the owner and the advisor ({@link PartOrderNotifier}).
 */
@Service
public class PartOrders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final PartOrderRepository orders;
    private final PartOrderList list;
    private final Members members;
    private final BoundAdvisors advisors;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;

    PartOrders(PartOrderRepository orders, PartOrderList list, Members members, BoundAdvisors advisors,
            EventOutbox events, TenantRegistry tenants, StoreTime storeTime) {
        this.orders = orders;
        this.list = list;
        this.members = members;
        this.advisors = advisors;
        this.events = events;
        this.tenants = tenants;
        this.storeTime = storeTime;
    }

    /**
     * Records a part ordered for a member, with the member's advisor now. A repeat of the key answers the first order
     * (409 {@code part-order-key-reused} for another request); 422 {@code part-order-member-unknown}, {@code
     * part-order-vehicle-not-members}, {@code part-order-deposit-above-price}.
     */
    @Transactional
    public PartOrderViews.PartOrderView record(PartOrderRequests.NewPartOrder order, String key, String actor) {
        String hash = Sha256.hex(order.toString());
        var earlier = KeyedEntity.sameRequest(orders.findByIdempotencyKey(key), hash, "part-order-key-reused", key);
        if (earlier.isPresent()) {
            return view(earlier.get().id());
        }
        if (members.contact(order.memberId()).isEmpty()) {
            throw new ApiException.Unprocessable("part-order-member-unknown").field("memberId");
        }
        String plate = null;
        if (order.vehicleId() != null) {
            plate = list.plateOf(order.memberId(), order.vehicleId()).orElseThrow(() ->
                    new ApiException.Unprocessable("part-order-vehicle-not-members").field("vehicleId"));
        }
        if (order.priceFen() != null && order.depositFen() != null && order.depositFen() > order.priceFen()) {
            throw new ApiException.Unprocessable("part-order-deposit-above-price").field("depositFen");
        }
        Instant now = storeTime.clock().instant();
        String number = "PJ" + DAY.format(now.atZone(storeTime.zone())) + String.format("%05d", orders.nextNumber());
        PartOrder saved = orders.saveAndFlush(new PartOrder(number, order, plate,
                advisors.of(order.memberId()).orElse(null), key, hash, actor, now));
        publish(MallEvents.Type.PartOrderRecorded, saved, saved.advisor());
        return view(saved.id());
    }

    /** The part came in: the member's advisor now is kept and told, the owner texted if they want it. */
    @Transactional
    public PartOrderViews.PartOrderView arrive(UUID id, @Nullable Long expectedVersion, String actor) {
        PartOrder order = lock(id, expectedVersion);
        order.arrive(advisors.of(order.memberId()).orElse(null), actor, storeTime.clock().instant());
        orders.saveAndFlush(order);
        publish(MallEvents.Type.PartOrderArrived, order, order.arrivalAdvisor());
        return view(id);
    }

    /** The customer took the part (409 {@code part-order-move-not-allowed} before it arrived). */
    @Transactional
    public PartOrderViews.PartOrderView handOver(UUID id, @Nullable Long expectedVersion, String actor) {
        PartOrder order = lock(id, expectedVersion);
        order.handOver(actor, storeTime.clock().instant());
        orders.saveAndFlush(order);
        publish(MallEvents.Type.PartOrderHandedOver, order, order.arrivalAdvisor());
        return view(id);
    }

    /** Calls the order off, ordered or arrived (the customer declines), with the reason. */
    @Transactional
    public PartOrderViews.PartOrderView cancel(UUID id, @Nullable Long expectedVersion, String reason, String actor) {
        PartOrder order = lock(id, expectedVersion);
        order.cancel(reason, actor, storeTime.clock().instant());
        orders.saveAndFlush(order);
        publish(MallEvents.Type.PartOrderCancelled, order,
                order.arrivalAdvisor() != null ? order.arrivalAdvisor() : order.advisor());
        return view(id);
    }

    // --- reads

    @Transactional(readOnly = true)
    public PartOrderViews.PartOrderView view(UUID id) {
        return list.order(id).orElseThrow(() -> new ApiException.NotFound("part-order", id));
    }

    @Transactional(readOnly = true)
    public PageResult<PartOrderViews.PartOrderRow> orders(PartOrderList.Filter filter, SqlPage page) {
        return list.orders(filter, page);
    }

    /** Every order the list shows for the filter, in {@code order}, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(PartOrderList.Filter filter, SqlPage order, Consumer<PartOrderViews.PartOrderRow> sink) {
        return list.each(filter, order, sink);
    }

    @Transactional(readOnly = true)
    public PageResult<PartOrderViews.MyPartOrder> own(UUID member, SqlPage page) {
        return list.ofMember(member, page);
    }

    /** The console's filter with its days (the store's) turned into instants: from the first day to the end of the last. */
    PartOrderList.Filter filter(@Nullable Collection<PartOrderStatus> statuses, @Nullable String search,
            @Nullable LocalDate from, @Nullable LocalDate to) {
        return new PartOrderList.Filter(statuses, search,
                from == null ? null : from.atStartOfDay(storeTime.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(storeTime.zone()).toInstant());
    }

    // --- inside

    private PartOrder lock(UUID id, @Nullable Long expectedVersion) {
        PartOrder order = orders.lock(id).orElseThrow(() -> new ApiException.NotFound("part-order", id));
        Versions.expect(PartOrder.class, id, order.version(), expectedVersion);
        return order;
    }

    private void publish(MallEvents.Type type, PartOrder o, @Nullable String advisor) {
        String store = TenantContext.require().storeCode();
        events.publish(MallEvents.TOPIC, type.name(), new MallEvents.PartOrderChanged(o.id(), o.number(), store,
                tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null), o.memberId(), o.status(),
                o.partName(), o.quantity(), o.notifyOwner(), advisor, o.createdBy(), o.version()));
    }
}
