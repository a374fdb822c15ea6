package com.m4s.store.repairorder;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Problems;
import com.m4s.store.member.Members;
import com.m4s.store.member.MileageSource;
import com.m4s.store.points.AccountType;
import com.m4s.store.points.EntryKind;
import com.m4s.store.points.Points;
import com.m4s.store.points.PointsRules;
import com.m4s.store.points.SourceType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Repair orders of the current store from the DMS (INT-1). An upsert compares the order with what the DMS sent
 * last (content hash): unchanged does nothing; otherwise each difference is a move of the status machine, made with
 * its points postings and its event in the order's transaction: new or changed lines (a correction: the difference
 * of points, by the rule version the order was settled with), settlement (each line's points, pending through the
 * refund window, by the rules in force at settlement), refunded lines (exactly their points back), reversal (all).
 */
@Service
public class RepairOrderService {

    private final RepairOrderRepository orders;
    private final RepairOrderLineRepository lines;
    private final Members members;
    private final Points points;
    private final PointsRules rules;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final DmsSettings settings;

    RepairOrderService(RepairOrderRepository orders, RepairOrderLineRepository lines, Members members, Points points,
            PointsRules rules, EventOutbox events, TenantRegistry tenants, TransactionTemplate tx, JsonMapper json,
            Clock clock, DmsSettings settings) {
        this.settings = settings;
        this.orders = orders;
        this.lines = lines;
        this.members = members;
        this.points = points;
        this.rules = rules;
        this.events = events;
        this.tenants = tenants;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Orders that share a transaction (a file import's, a REST batch's): a commit and its bookkeeping per
     * {@value} orders rather than per order. Small enough that the rows an import locks (its orders, its members'
     * balances) are held for a fraction of a second.
     */
    public static final int ORDERS_PER_TRANSACTION = 25;

    /** What became of one order of {@link #upsertAll}: its result, or why it was refused, or what failed. */
    public record Upserted(RepairOrderViews.@Nullable OrderResult result, @Nullable ApiException refused,
            @Nullable RuntimeException failed) {
    }

    /** The batch, as {@link #upsertAll}: one refused order does not hold back the others. */
    public RepairOrderViews.BatchResult upsert(RepairOrderRequests.Batch batch, String actor) {
        UnknownCustomer unknown = settings.unknownCustomer();
        List<RepairOrderViews.OrderResult> results = new ArrayList<>();
        List<Upserted> upserted = upsertAll(batch.orders(), unknown, actor);
        for (int i = 0; i < upserted.size(); i++) {
            Upserted one = upserted.get(i);
            if (one.failed() != null) {
                throw one.failed();
            }
            ApiException e = one.refused();
            results.add(e == null ? java.util.Objects.requireNonNull(one.result())
                    : new RepairOrderViews.OrderResult(batch.orders().get(i).dmsNumber(),
                            RepairOrderViews.Outcome.REJECTED, null, null, e.type(), e.getMessage(), null));
        }
        return new RepairOrderViews.BatchResult(results);
    }

    /**
     * Each order through {@link #upsert(RepairOrderRequests.DmsOrder, UnknownCustomer, String)}'s step, up to
     * {@link #ORDERS_PER_TRANSACTION} of them in one transaction. When any order of a transaction is refused, or the
     * database refuses a write (a deadlock with another import), that transaction is rolled back and its orders are
     * done again each in a transaction of its own: the refused order leaves nothing behind and the others are
     * written exactly as alone. The outcomes are in the orders' order.
     */
    public List<Upserted> upsertAll(List<RepairOrderRequests.DmsOrder> all, UnknownCustomer unknown, String actor) {
        List<Upserted> outcomes = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += ORDERS_PER_TRANSACTION) {
            List<RepairOrderRequests.DmsOrder> chunk = all.subList(from,
                    Math.min(all.size(), from + ORDERS_PER_TRANSACTION));
            List<RepairOrderViews.OrderResult> together = chunk.size() == 1 ? null : together(chunk, unknown, actor);
            if (together != null) {
                together.forEach(r -> outcomes.add(new Upserted(r, null, null)));
                continue;
            }
            for (RepairOrderRequests.DmsOrder order : chunk) {
                try {
                    outcomes.add(new Upserted(upsert(order, unknown, actor), null, null));
                } catch (ApiException e) {
                    outcomes.add(new Upserted(null, e, null));
                } catch (RuntimeException e) {
                    outcomes.add(new Upserted(null, null, e));
                }
            }
        }
        return outcomes;
    }

    /** The orders in one transaction, or null when it was rolled back because one of them was refused. */
    private @Nullable List<RepairOrderViews.OrderResult> together(List<RepairOrderRequests.DmsOrder> chunk,
            UnknownCustomer unknown, String actor) {
        try {
            return tx.execute(status -> {
                List<RepairOrderViews.OrderResult> results = new ArrayList<>(chunk.size());
                for (RepairOrderRequests.DmsOrder order : chunk) {
                    results.add(upsertInTransaction(order, unknown, actor));
                }
                return results;
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * One order, in its own transaction (the step of {@link #upsertAll}): its outcome, or the
     * {@link ApiException} that refused it, after which nothing of it is written.
     *
     * @param unknown what to do when the order's customer matches no member (the store's setting, read once per
     *        batch or file)
     */
    public RepairOrderViews.OrderResult upsert(RepairOrderRequests.DmsOrder order, UnknownCustomer unknown,
            String actor) {
        return java.util.Objects.requireNonNull(tx.execute(status -> upsertInTransaction(order, unknown, actor)));
    }

    /** Which member a repair order is of, and its DMS number: what a payment for it names (the wallet). */
    public record OrderRef(UUID id, String dmsNumber, UUID memberId) {
    }

    /** The order's member and DMS number, if the store has the order. */
    @Transactional(readOnly = true)
    public java.util.Optional<OrderRef> ref(UUID id) {
        return orders.findById(id).map(o -> new OrderRef(o.id(), o.dmsNumber(), o.memberId()));
    }

    /** A customer-paid (客户帐) line still owed: what a payment's basket is made of (decision 0045). */
    public record PayableLine(UUID id, LineKind kind, @Nullable String partNumber, String description,
            long amountFen) {
    }

    /**
     * A repair order as a payment sees it: its customer-paid lines not refunded, and whether it can be paid (settled
     * in the DMS, so its bill is final, not refunded or reversed, something to pay); its points' rule version and
     * activation time, for a multiplier coupon's extra points.
     */
    public record Payable(UUID id, String dmsNumber, UUID memberId, RepairOrderStatus status,
            @Nullable String advisor, @Nullable Instant settledAt, List<PayableLine> lines,
            @Nullable Integer ruleVersion, @Nullable Instant pointsActivateAt) {

        public long totalFen() {
            return lines.stream().mapToLong(PayableLine::amountFen).sum();
        }

        public boolean payable() {
            return status == RepairOrderStatus.SETTLED && totalFen() > 0;
        }
    }

    /** The order as a payment sees it, if the store has it. */
    @Transactional(readOnly = true)
    public java.util.Optional<Payable> payable(UUID id) {
        return orders.findById(id).map(o -> new Payable(o.id(), o.dmsNumber(), o.memberId(), o.status(),
                o.advisor(), o.settledAt(), lines.findByOrderIdOrderByLineNo(id).stream()
                        .filter(l -> l.accountType() == AccountType.CUSTOMER && !l.refunded())
                        .map(l -> new PayableLine(l.id(), l.kind(), l.partNumber(), l.description(),
                                l.amount().toFen()))
                        .toList(), o.ruleVersion(), o.pointsActivateAt()));
    }

    /** The member's settled orders with something to pay, newest first (what a payment may be for). */
    @Transactional(readOnly = true)
    public List<Payable> payables(UUID member) {
        return orders.findByMemberIdAndStatusOrderBySettledAtDesc(member, RepairOrderStatus.SETTLED).stream()
                .map(o -> payable(o.id()).orElseThrow()).filter(Payable::payable).toList();
    }

    /** The points the order's customer-paid lines produced so far (net of corrections and take-backs). */
    @Transactional(readOnly = true)
    public long earnedPoints(UUID id) {
        List<UUID> ids = lines.findByOrderIdOrderByLineNo(id).stream()
                .filter(l -> l.accountType() == AccountType.CUSTOMER).map(RepairOrderLine::id).toList();
        return points.earnedBySource(ids).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Takes back {@code part}/{@code whole} of what each customer-paid line of the order produced so far, rounded down per line
     * (all of it when {@code part == whole}): a refunded share of a payment (decision 0045). From pending points
     * while pending, else available (a shortfall is debt). Keys {@code <keyPrefix>:<line>}: a repeat takes nothing
     * more. Answers the points taken back.
     */
    @Transactional
    public long takeBackShare(UUID id, long part, long whole, String keyPrefix, String actor) {
        if (part <= 0 || part > whole) {
            throw new IllegalArgumentException("share " + part + "/" + whole);
        }
        RepairOrder order = orders.findById(id).orElseThrow(() -> new ApiException.NotFound("repair-order", id));
        List<RepairOrderLine> all = lines.findByOrderIdOrderByLineNo(id).stream()
                .filter(l -> l.accountType() == AccountType.CUSTOMER).toList();
        Map<UUID, Long> earned = points.earnedBySource(all.stream().map(RepairOrderLine::id).toList());
        long taken = 0;
        for (RepairOrderLine line : all) {
            long has = earned.getOrDefault(line.id(), 0L);
            long share = java.math.BigInteger.valueOf(has).multiply(java.math.BigInteger.valueOf(part))
                    .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
            if (share > 0) {
                var posted = points.changeSource(order.memberId(), EntryKind.REFUND, source(order, line), -share,
                        order.ruleVersion(), keyPrefix + ":" + line.id(), actor);
                if (posted.entryId() != null) {
                    taken += share;
                }
            }
        }
        return taken;
    }

    @Transactional(readOnly = true)
    public RepairOrderViews.RepairOrderView get(UUID id) {
        RepairOrder order = orders.findById(id).orElseThrow(() -> new ApiException.NotFound("repair-order", id));
        return view(order, lines.findByOrderIdOrderByLineNo(id));
    }

    private RepairOrderViews.OrderResult upsertInTransaction(RepairOrderRequests.DmsOrder asSent,
            UnknownCustomer unknown, String actor) {
        requireConsistent(asSent);
        String hash = hash(asSent);
        Instant now = clock.instant();
        var existing = orders.lockByDmsNumber(asSent.dmsNumber().strip());
        if (existing.isPresent() && existing.get().contentHash().equals(hash)) {
            return result(existing.get(), RepairOrderViews.Outcome.UNCHANGED, null);
        }
        Members.@Nullable Matched matched = member(asSent, unknown);
        RepairOrderRequests.DmsOrder sent = matched == null ? asSent : asSent.forMember(matched.memberId());
        UUID memberId = java.util.Objects.requireNonNull(sent.memberId());
        RepairOrderViews.Outcome outcome;
        RepairOrder order;
        List<RepairOrderLine> current;
        if (existing.isEmpty()) {
            order = orders.saveAndFlush(new RepairOrder(sent, hash, now));
            current = new ArrayList<>();
            for (RepairOrderRequests.DmsLine line : sent.lines()) {
                current.add(lines.save(new RepairOrderLine(order.id(), line, now)));
            }
            lines.flush();
            publish(order, RepairOrderEvents.Type.RepairOrderOpened, List.of());
            outcome = RepairOrderViews.Outcome.CREATED;
        } else {
            order = existing.get();
            if (!order.memberId().equals(memberId) && order.status().settled()) {
                throw new ApiException.Conflict("repair-order-member-changed", order.dmsNumber()).field("memberId");
            }
            current = new ArrayList<>(lines.findByOrderIdOrderByLineNo(order.id()));
            correct(order, current, sent, hash, actor, now);
            outcome = RepairOrderViews.Outcome.UPDATED;
        }
        if (sent.status() != RepairOrderRequests.DmsStatus.OPEN && !order.status().settled()) {
            settle(order, current, java.util.Objects.requireNonNull(sent.settledAt()), actor, now);
        }
        List<RepairOrderLine> refunded = refundedNow(current, sent);
        if (!refunded.isEmpty() && sent.status() != RepairOrderRequests.DmsStatus.REVERSED) {
            refund(order, refunded, actor, now);
        }
        if (sent.status() == RepairOrderRequests.DmsStatus.REVERSED) {
            refunded.forEach(line -> line.refund(now));
            reverse(order, current, actor, now);
        }
        // the odometer as read when the order was opened: the vehicle's history, in the order's transaction
        members.recordMileage(new Members.MileageReading(order.plate(), order.vin(), order.mileageKm(),
                order.openedAt(), MileageSource.REPAIR_ORDER, order.id(), order.dmsNumber()));
        return result(order, outcome, matched == null ? null : matched.by().name());
    }

    /**
     * The member of an order without a member id: found by the customer's phone, the plate, then the VIN; made when
     * none matches and the store's setting says so. Null for an order that names its member (checked to exist).
     */
    private Members.@Nullable Matched member(RepairOrderRequests.DmsOrder sent, UnknownCustomer unknown) {
        UUID named = sent.memberId();
        if (named != null) {
            if (members.contact(named).isEmpty()) {
                throw new ApiException.Unprocessable("unknown-member", named).field("memberId");
            }
            return null;
        }
        RepairOrderRequests.DmsCustomer customer = sent.customer();
        String phone = customer == null ? null : customer.phone();
        if (blank(phone) && blank(sent.plate()) && blank(sent.vin())) {
            throw new ApiException.Unprocessable("repair-order-customer-missing", sent.dmsNumber()).field("customer");
        }
        Members.DmsCustomer known = new Members.DmsCustomer(customer == null ? null : customer.name(), phone,
                sent.plate(), sent.vin(), customer == null ? null : customer.vehicleModel());
        return members.matchDmsCustomer(known, unknown == UnknownCustomer.CREATE).orElseThrow(() ->
                new ApiException.Unprocessable("repair-order-customer-unknown", sent.dmsNumber()).field("customer"));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** Lines new or changed, and the order's own fields: the difference of points when the order is settled. */
    private void correct(RepairOrder order, List<RepairOrderLine> current, RepairOrderRequests.DmsOrder sent,
            String hash, String actor, Instant now) {
        require(order, RepairOrderStatus.Move.CORRECT);
        long revision = order.version() + 1;
        Map<Integer, RepairOrderLine> byNo = current.stream()
                .collect(Collectors.toMap(RepairOrderLine::lineNo, Function.identity()));
        List<UUID> changed = new ArrayList<>();
        for (RepairOrderRequests.DmsLine line : sent.lines()) {
            RepairOrderLine known = byNo.get(line.lineNo());
            if (known == null) {
                RepairOrderLine added = lines.save(new RepairOrderLine(order.id(), line, now));
                current.add(added);
                changed.add(added.id());
                if (order.status().settled() && !line.refunded()) {
                    PointsRules.Applied applied = rules.version(java.util.Objects.requireNonNull(order.ruleVersion()));
                    points.grantPending(order.memberId(), source(order, added),
                            applied.pointsFor(added.accountType(), added.amount()), applied.ruleVersion(),
                            java.util.Objects.requireNonNull(order.pointsActivateAt()), key(added, "grant"), actor);
                }
            } else if (known.differsFrom(line)) {
                if (known.refunded()) {
                    throw new ApiException.Conflict("repair-order-line-refunded", order.dmsNumber(), line.lineNo());
                }
                known.describe(line, now);
                changed.add(known.id());
                if (order.status().settled()) {
                    PointsRules.Applied applied = rules.version(java.util.Objects.requireNonNull(order.ruleVersion()));
                    long should = applied.pointsFor(known.accountType(), known.amount());
                    long has = points.earnedBySource(List.of(known.id())).getOrDefault(known.id(), 0L);
                    if (should != has) {
                        points.changeSource(order.memberId(), EntryKind.CORRECT, source(order, known), should - has,
                                applied.ruleVersion(), key(known, "correct:" + revision), actor);
                    }
                }
            }
        }
        current.sort(java.util.Comparator.comparingInt(RepairOrderLine::lineNo));
        boolean headerChanged = order.differsFrom(sent);
        order.describe(sent, hash, now);
        orders.saveAndFlush(order);
        lines.flush();
        if (headerChanged || !changed.isEmpty()) {
            publish(order, RepairOrderEvents.Type.RepairOrderCorrected, changed);
        }
    }

    private void settle(RepairOrder order, List<RepairOrderLine> current, Instant settledAt, String actor,
            Instant now) {
        require(order, RepairOrderStatus.Move.SETTLE);
        PointsRules.Applied applied = rules.at(settledAt);
        Instant activateAt = settledAt.plus(applied.activationDelay());
        order.settle(settledAt, applied.ruleVersion(), activateAt, now);
        orders.saveAndFlush(order);
        for (RepairOrderLine line : current) {
            points.grantPending(order.memberId(), source(order, line),
                    applied.pointsFor(line.accountType(), line.amount()), applied.ruleVersion(), activateAt,
                    key(line, "grant"), actor);
        }
        publish(order, RepairOrderEvents.Type.RepairOrderSettled, List.of());
    }

    private void refund(RepairOrder order, List<RepairOrderLine> refunded, String actor, Instant now) {
        require(order, RepairOrderStatus.Move.REFUND);
        takeBack(order, refunded, EntryKind.REFUND, actor);
        refunded.forEach(line -> line.refund(now));
        lines.flush();
        order.refunded(now);
        orders.saveAndFlush(order);
        publish(order, RepairOrderEvents.Type.RepairOrderRefunded, refunded.stream().map(RepairOrderLine::id).toList());
    }

    private void reverse(RepairOrder order, List<RepairOrderLine> current, String actor, Instant now) {
        require(order, RepairOrderStatus.Move.REVERSE);
        takeBack(order, current, EntryKind.REVERSE, actor);
        lines.flush();
        order.reverse(now);
        orders.saveAndFlush(order);
        publish(order, RepairOrderEvents.Type.RepairOrderReversed, List.of());
    }

    /** Exactly what each line produced so far, taken back (from pending while pending, else available or debt). */
    private void takeBack(RepairOrder order, List<RepairOrderLine> taken, EntryKind kind, String actor) {
        Map<UUID, Long> earned = points.earnedBySource(taken.stream().map(RepairOrderLine::id).toList());
        for (RepairOrderLine line : taken) {
            long has = earned.getOrDefault(line.id(), 0L);
            if (has > 0) {
                points.changeSource(order.memberId(), kind, source(order, line), -has, order.ruleVersion(),
                        key(line, kind.name().toLowerCase(java.util.Locale.ROOT)), actor);
            }
        }
    }

    /** The lines the DMS now marks refunded that were not before. */
    private static List<RepairOrderLine> refundedNow(List<RepairOrderLine> current, RepairOrderRequests.DmsOrder sent) {
        Map<Integer, Boolean> marked = sent.lines().stream()
                .collect(Collectors.toMap(RepairOrderRequests.DmsLine::lineNo, RepairOrderRequests.DmsLine::refunded,
                        (a, b) -> a || b));
        return current.stream().filter(l -> !l.refunded() && marked.getOrDefault(l.lineNo(), false)).toList();
    }

    private static void requireConsistent(RepairOrderRequests.DmsOrder sent) {
        if (sent.status() != RepairOrderRequests.DmsStatus.OPEN && sent.settledAt() == null) {
            throw new ApiException.Unprocessable("repair-order-settled-at-missing", sent.dmsNumber())
                    .field("settledAt");
        }
        long distinct = sent.lines().stream().map(RepairOrderRequests.DmsLine::lineNo).distinct().count();
        if (distinct != sent.lines().size()) {
            throw new ApiException.Unprocessable("repair-order-line-numbers", sent.dmsNumber()).field("lines");
        }
        if (sent.status() == RepairOrderRequests.DmsStatus.OPEN
                && sent.lines().stream().anyMatch(RepairOrderRequests.DmsLine::refunded)) {
            throw new ApiException.Unprocessable("repair-order-refund-open", sent.dmsNumber()).field("lines");
        }
    }

    private static void require(RepairOrder order, RepairOrderStatus.Move move) {
        if (!order.status().allows(move)) {
            throw new ApiException.Conflict("repair-order-illegal-move", order.dmsNumber(),
                    Problems.message("problem.repair-order-status." + order.status()),
                    Problems.message("problem.repair-order-illegal-move.move." + move));
        }
    }

    private static Points.Source source(RepairOrder order, RepairOrderLine line) {
        return new Points.Source(SourceType.REPAIR_ORDER_LINE, line.id(), order.dmsNumber() + "#" + line.lineNo());
    }

    /** The ledger key of a line's posting: one grant, refund or reversal per line, one correction per revision. */
    private static String key(RepairOrderLine line, String what) {
        return "ro-line:" + line.id() + ":" + what;
    }

    private RepairOrderViews.OrderResult result(RepairOrder order, RepairOrderViews.Outcome outcome,
            @Nullable String matchedBy) {
        return new RepairOrderViews.OrderResult(order.dmsNumber(), outcome, order.id(), order.status(), null, null,
                matchedBy);
    }

    private RepairOrderViews.RepairOrderView view(RepairOrder order, List<RepairOrderLine> orderLines) {
        return RepairOrderViews.RepairOrderView.of(order, orderLines,
                points.earnedBySource(orderLines.stream().map(RepairOrderLine::id).toList()));
    }

    private void publish(RepairOrder order, RepairOrderEvents.Type type, List<UUID> lineIds) {
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        events.publish(RepairOrderEvents.TOPIC, type.name(),
                RepairOrderEvents.RepairOrderChanged.of(order, store, group, lineIds));
    }

    /** The hash of the order as sent: equal for a re-sent unchanged order. */
    private String hash(RepairOrderRequests.DmsOrder sent) {
        return Sha256.hex(json.writeValueAsString(sent));
    }
}
