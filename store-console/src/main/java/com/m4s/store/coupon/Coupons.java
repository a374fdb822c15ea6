package com.m4s.store.coupon;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.member.Members;
import com.m4s.store.segment.Segments;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-coupons (WAL-2, decision 0044), the one way coupon state moves: each step checks the status allows it, changes
 * the row and publishes its event on {@value CouponEvents#TOPIC} through the outbox in the same transaction.
 * Every hand-out (issue, claim) locks the template's row first, so the per-member limit and the stock are counted
 * by one transaction at a time (and the table refuses a stock overrun besides). Dates are the store's calendar on
 * the injected clock.
 *
 * <p>The checkout's calls ({@link #use}, {@link #restore}) run in the caller's transaction
 * ({@code Propagation.MANDATORY}): a coupon is used in the same transaction as the payment that used it, or not at
 * all. {@link #offers} joins the caller's transaction or reads in its own.
 */
@Service
public class Coupons {

    /** The most members one issue reaches (a segment larger than this is refused). */
    public static final int MAX_ISSUE = 10_000;
    /** Coupons expired per transaction by the job. */
    static final int EXPIRY_BATCH = 100;
    /** Days of a template's statistics series by default. */
    public static final int SERIES_DAYS = 30;

    private final CouponTemplateRepository templates;
    private final MemberCouponRepository coupons;
    private final CouponTemplateList list;
    private final CouponStatistics statistics;
    private final Members members;
    private final Segments segments;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Coupons(CouponTemplateRepository templates, MemberCouponRepository coupons, CouponTemplateList list,
            CouponStatistics statistics, Members members, Segments segments, EventOutbox events,
            TenantRegistry tenants, StoreTime storeTime, JdbcClient jdbc, TransactionTemplate tx) {
        this.templates = templates;
        this.coupons = coupons;
        this.list = list;
        this.statistics = statistics;
        this.members = members;
        this.segments = segments;
        this.events = events;
        this.tenants = tenants;
        this.storeTime = storeTime;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    // --- templates

    @Transactional(readOnly = true)
    public PageResult<CouponViews.CouponTemplateView> list(CouponTemplateList.Filter filter, SqlPage page) {
        return list.page(filter, page);
    }

    /** Every template the list shows for this filter, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(CouponTemplateList.Filter filter, SqlPage order, Consumer<CouponViews.CouponTemplateView> sink) {
        return list.each(filter, order, sink);
    }

    @Transactional(readOnly = true)
    public CouponViews.CouponTemplateView get(UUID id) {
        find(id);
        return list.one(id);
    }

    /** A new template, a draft; 422 coupon-template-invalid naming the rule a kind cannot have. */
    @Transactional
    public CouponViews.CouponTemplateView create(CouponRequests.CouponTemplateChange change, String actor) {
        validate(change);
        CouponTemplate template = templates.saveAndFlush(new CouponTemplate(change, actor, now()));
        publish(template, CouponEvents.Type.CouponTemplateCreated);
        return list.one(template.id());
    }

    /**
     * Changes a template (If-Match): a draft's every rule; an active one's name, description and stock, the stock
     * only up (422 coupon-template-stock-down) and the rules as they are (409 coupon-template-rules-locked: members
     * hold coupons of them); an ended one nothing (409 coupon-template-illegal-move).
     */
    @Transactional
    public CouponViews.CouponTemplateView update(UUID id, CouponRequests.CouponTemplateChange change, @Nullable Long expectedVersion) {
        CouponTemplate template = lock(id);
        Versions.expect(CouponTemplate.class, id, template.version(), expectedVersion);
        require(template, CouponTemplateStatus.Move.EDIT_TEXT);
        validate(change);
        if (template.status().allows(CouponTemplateStatus.Move.EDIT_RULES)) {
            template.change(change, now());
        } else {
            if (!sameRules(template, change)) {
                throw new ApiException.Conflict("coupon-template-rules-locked", template.name());
            }
            Integer stock = template.totalLimit();
            Integer wanted = change.totalLimit();
            if (stock == null && wanted != null || stock != null && wanted != null && wanted < stock) {
                throw new ApiException.Unprocessable("coupon-template-stock-down",
                        stock == null ? "∞" : stock).field("totalLimit");
            }
            String description = change.description() == null || change.description().isBlank() ? null
                    : change.description().strip();
            template.changeText(change.name().strip(), description, wanted, now());
        }
        templates.saveAndFlush(template);
        publish(template, CouponEvents.Type.CouponTemplateChanged);
        return list.one(id);
    }

    /** A draft becomes active (If-Match): coupons of it may be issued and claimed. */
    @Transactional
    public CouponViews.CouponTemplateView activate(UUID id, @Nullable Long expectedVersion) {
        CouponTemplate template = lock(id);
        require(template, CouponTemplateStatus.Move.ACTIVATE);
        Versions.expect(CouponTemplate.class, id, template.version(), expectedVersion);
        template.activate(now());
        templates.saveAndFlush(template);
        publish(template, CouponEvents.Type.CouponTemplateActivated);
        return list.one(id);
    }

    /** An active template ends (If-Match): no more hand-outs; coupons held stay usable until their own dates. */
    @Transactional
    public CouponViews.CouponTemplateView end(UUID id, @Nullable Long expectedVersion) {
        CouponTemplate template = lock(id);
        require(template, CouponTemplateStatus.Move.END);
        Versions.expect(CouponTemplate.class, id, template.version(), expectedVersion);
        template.end(now());
        templates.saveAndFlush(template);
        publish(template, CouponEvents.Type.CouponTemplateEnded);
        return list.one(id);
    }

    @Transactional(readOnly = true)
    public CouponViews.CouponStatisticsView statistics(UUID id, int days) {
        find(id);
        return statistics.of(id, storeTime.zone(), storeTime.today(), days);
    }

    // --- handing out

    /**
     * The batch id of an issue: from the caller and their Idempotency-Key (a repeat is the same batch and issues
     * nobody twice), or a fresh one.
     */
    public static UUID batchId(UUID template, String callerSubject, @Nullable String key) {
        return key == null || key.isBlank() ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("coupon-issue:" + template + ":" + callerSubject + ":" + key)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Issues a coupon of an active template to one member or to the members a segment matches now (422
     * coupon-issue-target unless exactly one is given). Members who hold one of this batch already, who reached
     * the per-member limit, or who come after the stock ran out are skipped and counted; one CouponIssued event
     * for the batch when it made any coupon.
     */
    @Transactional
    public CouponViews.CouponIssueResult issue(UUID id, CouponRequests.CouponIssue target, UUID batch, String actor) {
        if ((target.memberId() == null) == (target.segmentId() == null)) {
            throw new ApiException.Unprocessable("coupon-issue-target").field("memberId");
        }
        List<UUID> aimed;
        if (target.memberId() != null) {
            if (members.contact(target.memberId()).isEmpty()) {
                throw new ApiException.Unprocessable("coupon-member-unknown", target.memberId()).field("memberId");
            }
            aimed = List.of(target.memberId());
        } else {
            Segments.SegmentMembers chosen = segments.memberIds(Objects.requireNonNull(target.segmentId()),
                    MAX_ISSUE + 1);
            if (chosen.memberIds().size() > MAX_ISSUE) {
                throw new ApiException.Unprocessable("coupon-issue-too-many", MAX_ISSUE).field("segmentId");
            }
            aimed = List.copyOf(new LinkedHashSet<>(chosen.memberIds()));
        }
        String store = TenantContext.require().storeCode();
        String group = group(store);
        CouponTemplate template = lock(id);
        require(template, CouponTemplateStatus.Move.HAND_OUT);
        LocalDate today = storeTime.today();
        if (!template.handOutUseful(today)) {
            throw new ApiException.Conflict("coupon-template-over", template.name(), template.validUntil());
        }
        Set<UUID> inBatch = new HashSet<>(jdbc.sql("select member_id from member_coupon where issue_batch = :batch")
                .param("batch", batch).query(UUID.class).list());
        Map<UUID, Long> held = new HashMap<>();
        jdbc.sql("select member_id, count(*) from member_coupon where template_id = :template group by member_id")
                .param("template", id).query(rs -> {
                    held.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        LocalDate[] dates = template.datesFor(today);
        Instant now = now();
        int issued = 0;
        int already = 0;
        int overLimit = 0;
        int outOfStock = 0;
        for (UUID member : aimed) {
            if (inBatch.contains(member)) {
                already++;
            } else if (held.getOrDefault(member, 0L) >= template.perMemberLimit()) {
                overLimit++;
            } else if (!template.inStock()) {
                outOfStock++;
            } else {
                coupons.save(new MemberCoupon(id, member, CouponObtained.ISSUED, actor, batch, null, dates[0],
                        dates[1], now));
                template.handOut(now);
                issued++;
            }
        }
        if (issued > 0) {
            coupons.flush();
            templates.saveAndFlush(template);
            events.publish(CouponEvents.TOPIC, CouponEvents.Type.CouponIssued.name(),
                    new CouponEvents.CouponBatchIssued(id, batch, store, group, target.segmentId(), issued, overLimit,
                            outOfStock));
        }
        return new CouponViews.CouponIssueResult(batch, aimed.size(), issued, already, overLimit, outOfStock,
                list.one(id));
    }

    /**
     * An owner claims a coupon of a claimable active template in the centre. {@code claimKey} names the claim: a
     * repeat answers the first coupon (409 coupon-key-reused when it was for another template). 409
     * coupon-not-claimable, coupon-limit-reached, coupon-out-of-stock.
     */
    @Transactional
    public CouponViews.MemberCouponView claim(UUID templateId, UUID member, String claimKey, String actor) {
        var earlier = coupons.findByClaimKey(claimKey);
        if (earlier.isPresent()) {
            return repeat(earlier.get(), templateId, member, claimKey);
        }
        String store = TenantContext.require().storeCode();
        String group = group(store);
        CouponTemplate template = templates.lock(templateId)
                .orElseThrow(() -> new ApiException.NotFound("coupon-template", templateId));
        earlier = coupons.findByClaimKey(claimKey);
        if (earlier.isPresent()) {
            return repeat(earlier.get(), templateId, member, claimKey);
        }
        LocalDate today = storeTime.today();
        if (!template.status().allows(CouponTemplateStatus.Move.HAND_OUT) || !template.claimable()
                || !template.handOutUseful(today)) {
            throw new ApiException.Conflict("coupon-not-claimable", template.name());
        }
        if (coupons.countByTemplateIdAndMemberId(templateId, member) >= template.perMemberLimit()) {
            throw new ApiException.Conflict("coupon-limit-reached", template.name(), template.perMemberLimit());
        }
        if (!template.inStock()) {
            throw new ApiException.Conflict("coupon-out-of-stock", template.name());
        }
        LocalDate[] dates = template.datesFor(today);
        Instant now = now();
        MemberCoupon coupon = coupons.saveAndFlush(new MemberCoupon(templateId, member, CouponObtained.CLAIMED,
                actor, null, claimKey, dates[0], dates[1], now));
        template.handOut(now);
        templates.saveAndFlush(template);
        publish(coupon, CouponEvents.Type.CouponClaimed, store, group);
        return list.coupon(coupon.id());
    }

    private CouponViews.MemberCouponView repeat(MemberCoupon first, UUID templateId, UUID member, String key) {
        if (!first.templateId().equals(templateId) || !first.memberId().equals(member)) {
            throw new ApiException.Conflict("coupon-key-reused", key);
        }
        return list.coupon(first.id());
    }

    // --- reading a member's

    /** The owner's member id (404 when the login has no member record). */
    @Transactional(readOnly = true)
    public UUID ownerMember(String subject) {
        return members.ownerContact(subject).memberId();
    }

    /** A member's coupons in these states (null or empty: every state); 404 for an unknown member. */
    @Transactional(readOnly = true)
    public List<CouponViews.MemberCouponView> memberCoupons(UUID member,
            @Nullable Collection<MemberCouponState> states) {
        if (members.contact(member).isEmpty()) {
            throw new ApiException.NotFound("member", member);
        }
        return list.coupons(member, states);
    }

    /** The claim centre as this member sees it. */
    @Transactional(readOnly = true)
    public List<CouponViews.CouponCentreItem> centre(UUID member) {
        return list.centre(member, storeTime.today());
    }

    // --- the checkout's

    /**
     * The member's AVAILABLE coupons as the optimiser reads them, soonest to end first; coupons outside their dates
     * today are included (the optimiser says why they cannot be used). Joins the caller's transaction.
     */
    @Transactional(readOnly = true)
    public List<CouponOffer> offers(UUID member) {
        List<MemberCoupon> held = coupons.findByMemberIdAndStateOrderByValidUntilAscIdAsc(member,
                MemberCouponState.AVAILABLE);
        Map<UUID, CouponTemplate> byId = templates.findAllById(held.stream().map(MemberCoupon::templateId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(CouponTemplate::id, t -> t));
        return held.stream().map(c -> {
            CouponTemplate t = Objects.requireNonNull(byId.get(c.templateId()));
            return new CouponOffer(c.id(), t.id(), t.name(), t.kind(), t.scope(), Set.copyOf(t.scopeCodes()),
                    t.valueFen(), t.thresholdFen(), t.percentOff(), t.capFen(), t.pointsMultiplier(),
                    t.stackGroup(), c.validFrom(), c.validUntil());
        }).toList();
    }

    /**
     * A payment uses the coupon, in the payment's transaction (MANDATORY): AVAILABLE → USED with the discount it gave
     * and the order's total. 404 for an unknown coupon, 422 coupon-other-member when it is not the member's, 409
     * coupon-not-available when it is used or expired, 409 coupon-not-usable-today outside its dates. Using it again
     * for the same payment changes nothing (a retried step of one payment).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void use(UUID memberCoupon, UUID member, UUID payment, long discountFen, long orderFen, String actor) {
        if (discountFen < 0 || orderFen < 0) {
            throw new ApiException.Unprocessable("coupon-amount-invalid");
        }
        String store = TenantContext.require().storeCode();
        String group = group(store);
        MemberCoupon coupon = coupons.lock(memberCoupon)
                .orElseThrow(() -> new ApiException.NotFound("member-coupon", memberCoupon));
        if (!coupon.memberId().equals(member)) {
            throw new ApiException.Unprocessable("coupon-other-member");
        }
        if (coupon.state() == MemberCouponState.USED && payment.equals(coupon.paymentId())) {
            return;
        }
        String name = templates.findById(coupon.templateId()).map(CouponTemplate::name).orElse("");
        if (!coupon.state().allows(MemberCouponState.Move.USE)) {
            throw new ApiException.Conflict("coupon-not-available", name,
                    Problems.message("problem.coupon-state." + coupon.state()));
        }
        LocalDate today = storeTime.today();
        if (today.isBefore(coupon.validFrom()) || today.isAfter(coupon.validUntil())) {
            throw new ApiException.Conflict("coupon-not-usable-today", name, coupon.validFrom(),
                    coupon.validUntil());
        }
        coupon.use(payment, discountFen, orderFen, actor, now());
        coupons.saveAndFlush(coupon);
        publish(coupon, CouponEvents.Type.CouponUsed, store, group);
    }

    /**
     * The payment that used the coupon was refunded or cancelled, in that transaction (MANDATORY): the coupon leaves
     * USED, back to AVAILABLE when its last day has not passed on the store's calendar, else EXPIRED (either way one
     * CouponRestored event with the state it came back in). Returns whether the member has it back to use; a coupon
     * not used by this payment (restored before, never used by it) changes nothing and answers false.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean restore(UUID memberCoupon, UUID payment, String actor) {
        String store = TenantContext.require().storeCode();
        String group = group(store);
        MemberCoupon coupon = coupons.lock(memberCoupon)
                .orElseThrow(() -> new ApiException.NotFound("member-coupon", memberCoupon));
        if (coupon.state() != MemberCouponState.USED || !payment.equals(coupon.paymentId())) {
            return false;
        }
        boolean valid = !coupon.validUntil().isBefore(storeTime.today());
        coupon.restore(valid, now());
        coupons.saveAndFlush(coupon);
        publish(coupon, CouponEvents.Type.CouponRestored, store, group);
        return valid;
    }

    // --- expiry (the job's)

    /**
     * Marks EXPIRED every AVAILABLE coupon of the current store whose last day is before the store's today, a batch
     * per transaction, each under its row's lock (a use in flight wins or waits); how many.
     */
    int expireDue() {
        String store = TenantContext.require().storeCode();
        String group = group(store);
        int expired = 0;
        while (true) {
            LocalDate today = storeTime.today();
            Integer done = tx.execute(status -> {
                List<UUID> due = jdbc.sql("select id from member_coupon where state = 'AVAILABLE' and valid_until"
                        + " < :today order by valid_until, id limit :batch").param("today", today)
                        .param("batch", EXPIRY_BATCH).query(UUID.class).list();
                int n = 0;
                for (UUID id : due) {
                    MemberCoupon coupon = coupons.lock(id).orElse(null);
                    if (coupon == null || coupon.state() != MemberCouponState.AVAILABLE
                            || !coupon.validUntil().isBefore(today)) {
                        continue;
                    }
                    coupon.expire(now());
                    coupons.saveAndFlush(coupon);
                    publish(coupon, CouponEvents.Type.CouponExpired, store, group);
                    n++;
                }
                return due.isEmpty() ? -1 : n;
            });
            if (done == null || done < 0) {
                return expired;
            }
            expired += done;
            if (done == 0) {
                return expired;
            }
        }
    }

    // --- helpers

    private static void validate(CouponRequests.CouponTemplateChange c) {
        CouponKind kind = c.kind();
        switch (kind) {
            case CASH -> {
                positive(c.valueFen());
                noPercent(c);
                noCap(c);
            }
            case THRESHOLD -> {
                positive(c.valueFen());
                if (c.thresholdFen() <= c.valueFen()) {
                    throw invalid("threshold", "thresholdFen");
                }
                noPercent(c);
                noCap(c);
            }
            case PERCENT -> {
                noValue(c);
                if (c.percentOff() < 1 || c.percentOff() > 99) {
                    throw invalid("percent", "percentOff");
                }
            }
            case FREE_ITEM -> {
                noValue(c);
                noPercent(c);
                if (c.scope() != CouponScope.ITEMS) {
                    throw invalid("free-item-scope", "scope");
                }
            }
            case POINTS_MULTIPLIER -> {
                noValue(c);
                noPercent(c);
                noCap(c);
                if (c.pointsMultiplier() < 2 || c.pointsMultiplier() > 10) {
                    throw invalid("multiplier", "pointsMultiplier");
                }
            }
        }
        boolean listed = c.scope() == CouponScope.MALL_CATEGORIES || c.scope() == CouponScope.ITEMS;
        if (listed && c.codes().isEmpty()) {
            throw invalid("codes-needed", "scopeCodes");
        }
        if (!listed && !c.codes().isEmpty()) {
            throw invalid("codes-unused", "scopeCodes");
        }
        if (c.validDays() == null) {
            if (c.validFrom() == null || c.validUntil() == null) {
                throw invalid("validity", "validFrom");
            }
            if (c.validFrom().isAfter(c.validUntil())) {
                throw invalid("validity-order", "validUntil");
            }
        } else if (c.validFrom() != null || c.validUntil() != null) {
            throw invalid("validity", "validDays");
        }
    }

    private static void positive(long valueFen) {
        if (valueFen <= 0) {
            throw invalid("value", "valueFen");
        }
    }

    private static void noValue(CouponRequests.CouponTemplateChange c) {
        if (c.valueFen() != 0) {
            throw invalid("value-unused", "valueFen");
        }
    }

    private static void noPercent(CouponRequests.CouponTemplateChange c) {
        if (c.percentOff() != 0) {
            throw invalid("percent-unused", "percentOff");
        }
    }

    private static void noCap(CouponRequests.CouponTemplateChange c) {
        if (c.capFen() != null) {
            throw invalid("cap-unused", "capFen");
        }
    }

    private static ApiException.Unprocessable invalid(String variant, String field) {
        return new ApiException.Unprocessable("coupon-template-invalid").variant(variant).field(field);
    }

    private static boolean sameRules(CouponTemplate t, CouponRequests.CouponTemplateChange c) {
        String group = c.stackGroup() == null || c.stackGroup().isBlank() ? null : c.stackGroup().strip();
        int multiplier = c.kind() == CouponKind.POINTS_MULTIPLIER ? c.pointsMultiplier() : 1;
        return t.kind() == c.kind() && t.scope() == c.scope() && t.scopeCodes().equals(c.codes())
                && t.valueFen() == c.valueFen() && t.thresholdFen() == c.thresholdFen()
                && t.percentOff() == c.percentOff() && Objects.equals(t.capFen(), c.capFen())
                && t.pointsMultiplier() == multiplier && Objects.equals(t.stackGroup(), group)
                && Objects.equals(t.validDays(), c.validDays())
                && (c.validDays() != null || Objects.equals(t.validFrom(), c.validFrom())
                        && Objects.equals(t.validUntil(), c.validUntil()))
                && t.perMemberLimit() == c.perMemberLimit() && t.claimable() == c.claimable();
    }

    private void require(CouponTemplate template, CouponTemplateStatus.Move move) {
        if (!template.status().allows(move)) {
            throw new ApiException.Conflict("coupon-template-illegal-move", template.name(),
                    Problems.message("problem.coupon-template-status." + template.status()),
                    Problems.message("problem.coupon-template-illegal-move.move." + move));
        }
    }

    private CouponTemplate find(UUID id) {
        return templates.findById(id).orElseThrow(() -> new ApiException.NotFound("coupon-template", id));
    }

    private CouponTemplate lock(UUID id) {
        return templates.lock(id).orElseThrow(() -> new ApiException.NotFound("coupon-template", id));
    }

    private Instant now() {
        return storeTime.now().toInstant();
    }

    private @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    private void publish(CouponTemplate t, CouponEvents.Type type) {
        String store = TenantContext.require().storeCode();
        events.publish(CouponEvents.TOPIC, type.name(), new CouponEvents.CouponTemplateChanged(t.id(), store,
                group(store), t.version(), t.kind(), t.status(), t.totalLimit(), t.handedOut()));
    }

    private void publish(MemberCoupon c, CouponEvents.Type type, String store, @Nullable String group) {
        events.publish(CouponEvents.TOPIC, type.name(), new CouponEvents.CouponMoved(c.id(), c.templateId(),
                c.memberId(), store, group, c.state(), c.paymentId(), c.discountFen(), c.orderFen()));
    }
}
