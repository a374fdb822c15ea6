package com.m4s.store.gift;

import com.m4s.platform.entity.KeyedEntity;
import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.member.Members;
import com.m4s.store.photo.Photos;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gift warehouse of the current store (GIFT-1..3, decision 0048). Stock moves only by an immutable entry, under
 * the gift's row lock, never below zero; a redemption is one transaction: the gift locked, listed, in stock and
 * within the member's limit, the points debited on the points ledger, the stock taken, the redemption written, each
 * step published — or nothing at all. Locks are taken gift first, then the member's points, by every move.
 */
@Service
public class Gifts {

    private final GiftRepository gifts;
    private final GiftStockEntryRepository entries;
    private final GiftRedemptionRepository redemptions;
    private final GiftList list;
    private final Points points;
    private final Members members;
    private final Photos photos;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final Clock clock;

    Gifts(GiftRepository gifts, GiftStockEntryRepository entries, GiftRedemptionRepository redemptions,
            GiftList list, Points points, Members members, Photos photos, EventOutbox events, TenantRegistry tenants,
            Clock clock) {
        this.gifts = gifts;
        this.entries = entries;
        this.redemptions = redemptions;
        this.list = list;
        this.points = points;
        this.members = members;
        this.photos = photos;
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
    }

    // --- the catalogue

    /** A new gift, listed or not, with its first stock received (if any). 409 {@code gift-name-taken}. */
    @Transactional
    public GiftViews.GiftView create(Gift.Details details, long initialStock, boolean listed, String actor) {
        Gift.Details clean = clean(details, List.of());
        if (gifts.nameTaken(clean.name(), new UUID(0, 0))) {
            throw new ApiException.Conflict("gift-name-taken", clean.name()).field("name");
        }
        Instant now = clock.instant();
        Gift gift = gifts.saveAndFlush(new Gift(clean, listed, actor, now));
        publish(GiftEvents.Type.GiftCreated, gift);
        if (initialStock > 0) {
            move(gift, GiftStockKind.RECEIVE, initialStock, null, "初始入库 / first stock", "gift-create:" + gift.id(),
                    actor);
        }
        return view(gift.id());
    }

    /** Changes what a gift is (send the version read: 409 on a stale one); 409 {@code gift-name-taken}. */
    @Transactional
    public GiftViews.GiftView change(UUID id, Gift.Details details, @Nullable Long expectedVersion, String actor) {
        Gift gift = gifts.lock(id).orElseThrow(() -> new ApiException.NotFound("gift", id));
        Versions.expect(Gift.class, id, gift.version(), expectedVersion);
        Gift.Details clean = clean(details, gift.photos());
        if (gifts.nameTaken(clean.name(), id)) {
            throw new ApiException.Conflict("gift-name-taken", clean.name()).field("name");
        }
        gift.change(clean, clock.instant());
        gifts.saveAndFlush(gift);
        publish(GiftEvents.Type.GiftChanged, gift);
        return view(id);
    }

    /** Lists or delists a gift; one already so answers as it is. */
    @Transactional
    public GiftViews.GiftView list(UUID id, boolean listed) {
        Gift gift = gifts.lock(id).orElseThrow(() -> new ApiException.NotFound("gift", id));
        if (gift.list(listed, clock.instant())) {
            gifts.saveAndFlush(gift);
            publish(listed ? GiftEvents.Type.GiftListed : GiftEvents.Type.GiftDelisted, gift);
        }
        return view(id);
    }

    // --- stock

    /** Stock received; a repeat of the key answers as it is (409 {@code gift-key-reused} for another request). */
    @Transactional
    public GiftViews.GiftView receive(UUID id, long quantity, @Nullable String reason, String key, String actor) {
        if (quantity <= 0) {
            throw new ApiException.Unprocessable("gift-quantity-invalid").field("quantity");
        }
        Gift gift = gifts.lock(id).orElseThrow(() -> new ApiException.NotFound("gift", id));
        move(gift, GiftStockKind.RECEIVE, quantity, null, blankToNull(reason), key, actor);
        return view(id);
    }

    /**
     * A correction after a count, up or down, with the reason; 409 {@code gift-stock-short} when it would take more
     * than is in stock.
     */
    @Transactional
    public GiftViews.GiftView adjust(UUID id, long delta, String reason, String key, String actor) {
        if (delta == 0) {
            throw new ApiException.Unprocessable("gift-quantity-invalid").field("delta");
        }
        Gift gift = gifts.lock(id).orElseThrow(() -> new ApiException.NotFound("gift", id));
        move(gift, GiftStockKind.ADJUST, delta, null, reason.strip(), key, actor);
        return view(id);
    }

    // --- redemptions

    /**
     * A member redeems {@code quantity} of a gift with points (decision 0048): 404 for an unknown gift or member;
     * 409 {@code gift-not-listed}, {@code gift-out-of-stock}, {@code gift-member-limit}, {@code insufficient-points};
     * a repeat of the key answers the first redemption (409 {@code gift-key-reused} for another request).
     */
    @Transactional
    public GiftViews.RedemptionView redeem(UUID member, UUID giftId, int quantity, GiftChannel channel,
            String key, String actor) {
        if (quantity <= 0 || quantity > 99) {
            throw new ApiException.Unprocessable("gift-quantity-invalid").field("quantity");
        }
        String hash = Sha256.hex(member + "|" + giftId + "|" + quantity + "|" + channel);
        var earlier = earlier(key, hash);
        if (earlier != null) {
            return earlier;
        }
        if (members.contact(member).isEmpty()) {
            throw new ApiException.NotFound("member", member);
        }
        Gift gift = gifts.lock(giftId).orElseThrow(() -> new ApiException.NotFound("gift", giftId));
        // a repeat that waited for the gift's lock finds the first, committed meanwhile
        earlier = earlier(key, hash);
        if (earlier != null) {
            return earlier;
        }
        if (gift.status() != GiftStatus.LISTED) {
            throw new ApiException.Conflict("gift-not-listed", gift.name());
        }
        Integer limit = gift.memberLimit();
        if (limit != null) {
            long had = redemptions.redeemedBy(member, giftId);
            if (had + quantity > limit) {
                throw new ApiException.Conflict("gift-member-limit", gift.name(), limit, had);
            }
        }
        if (gift.stock() < quantity) {
            throw new ApiException.Conflict("gift-out-of-stock", gift.name(), gift.stock());
        }
        Instant now = clock.instant();
        GiftRedemption redemption = new GiftRedemption(gift, member, quantity, channel, key, hash, actor, now);
        UUID id = redemption.id();
        Points.Posted paid = points.redeem(member, redemption.points(), source(redemption),
                "gift-redemption:" + id + ":points", actor);
        redemption.paidBy(Objects.requireNonNull(paid.entryId()));
        redemptions.saveAndFlush(redemption);
        gift.redeemed(quantity); // written with the movement: one new version of the gift
        move(gift, GiftStockKind.REDEEM, -quantity, id, null, "gift-redemption:" + id + ":stock", actor);
        publish(GiftEvents.Type.GiftRedeemed, redemption);
        return redemptionView(id);
    }

    /** Staff hand a redeemed gift over; one handed over answers as it is; 409 for a cancelled one. */
    @Transactional
    public GiftViews.RedemptionView handOver(UUID id, String actor) {
        GiftRedemption redemption = redemptions.lock(id).orElseThrow(() -> new ApiException.NotFound(
                "gift-redemption", id));
        if (redemption.status() == GiftRedemptionStatus.HANDED_OVER) {
            return redemptionView(id);
        }
        redemption.handOver(actor, clock.instant());
        redemptions.saveAndFlush(redemption);
        publish(GiftEvents.Type.GiftHandedOver, redemption);
        return redemptionView(id);
    }

    /**
     * Cancels a redemption not handed over (by staff, or by the member it belongs to: {@code member}; 404 for another
     * member's): the points come back on the ledger and the gift back into stock. One cancelled answers as it is; 409
     * for one handed over.
     */
    @Transactional
    public GiftViews.RedemptionView cancel(UUID id, @Nullable UUID member, String reason, String actor) {
        GiftRedemption redemption = redemptions.lock(id).filter(r -> member == null || r.memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("gift-redemption", id));
        if (redemption.status() == GiftRedemptionStatus.CANCELLED) {
            return redemptionView(id);
        }
        if (!redemption.status().allows(GiftRedemptionStatus.Move.CANCEL)) {
            throw new ApiException.Conflict("gift-redemption-move-not-allowed",
                    GiftRedemptionStatus.Move.CANCEL.name(), redemption.status().name());
        }
        // the gift before the member's points, as a redemption takes them
        Gift gift = gifts.lock(redemption.giftId()).orElseThrow();
        UUID returned = null;
        if (redemption.channel() != GiftChannel.BATCH) {
            // a gift given by a distribution cost no points: only the stock comes back
            returned = Objects.requireNonNull(points.returnRedeemed(redemption.memberId(), redemption.points(),
                    source(redemption), "gift-redemption:" + id + ":points-return", actor).entryId());
            gift.redeemed(-redemption.quantity());
        }
        move(gift, GiftStockKind.REDEMPTION_CANCEL, redemption.quantity(), id, null,
                "gift-redemption:" + id + ":stock-return", actor);
        redemption.cancel(returned, reason.strip(), actor, clock.instant());
        redemptions.saveAndFlush(redemption);
        publish(GiftEvents.Type.GiftRedemptionCancelled, redemption);
        return redemptionView(id);
    }

    // --- reads

    @Transactional(readOnly = true)
    public GiftViews.GiftView view(UUID id) {
        return list.gift(id).orElseThrow(() -> new ApiException.NotFound("gift", id));
    }

    @Transactional(readOnly = true)
    public PageResult<GiftViews.GiftView> gifts(GiftList.GiftFilter filter, SqlPage page) {
        return list.gifts(filter, page);
    }

    @Transactional(readOnly = true)
    public PageResult<GiftViews.StockEntryView> entries(UUID gift, SqlPage page) {
        view(gift);
        return list.entries(gift, page);
    }

    @Transactional(readOnly = true)
    public PageResult<GiftViews.RedemptionView> redemptions(GiftList.RedemptionFilter filter, SqlPage page) {
        return list.redemptions(filter, page);
    }

    /** Every gift the list shows for this filter, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long exportGifts(GiftList.GiftFilter filter, SqlPage order, Consumer<GiftViews.GiftView> sink) {
        return list.eachGift(filter, order, sink);
    }

    /** Every redemption the list shows for this filter, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long exportRedemptions(GiftList.RedemptionFilter filter, SqlPage order,
            Consumer<GiftViews.RedemptionView> sink) {
        return list.eachRedemption(filter, order, sink);
    }

    /** Statistics per member: redemptions, quantity, points spent (cancelled ones not counted). */
    @Transactional(readOnly = true)
    public PageResult<GiftViews.MemberStatsView> memberStats(GiftList.MemberStatsFilter filter, SqlPage page) {
        return list.memberStats(filter, page);
    }

    @Transactional(readOnly = true)
    public long exportMemberStats(GiftList.MemberStatsFilter filter, SqlPage order,
            Consumer<GiftViews.MemberStatsView> sink) {
        return list.eachMemberStats(filter, order, sink);
    }

    @Transactional(readOnly = true)
    public GiftViews.RedemptionView redemptionView(UUID id) {
        return list.redemption(id).orElseThrow(() -> new ApiException.NotFound("gift-redemption", id));
    }

    /** One of the member's redemptions; 404 for another member's. */
    @Transactional(readOnly = true)
    public GiftViews.RedemptionView ownRedemption(UUID id, UUID member) {
        GiftViews.RedemptionView view = redemptionView(id);
        if (!view.memberId().equals(member)) {
            throw new ApiException.NotFound("gift-redemption", id);
        }
        return view;
    }

    /** The stock now and how many more the member may redeem of each of these gifts (a page of the catalogue). */
    @Transactional(readOnly = true)
    java.util.Map<UUID, GiftList.MemberStock> memberStock(UUID member, java.util.Collection<UUID> gifts) {
        return list.memberStock(member, gifts);
    }

    /** The owner's member id (404 when the login has no member record). */
    @Transactional(readOnly = true)
    public UUID ownerMember(String subject) {
        return members.ownerContact(subject).memberId();
    }

    // --- the stock ledger

    /** Posts one movement of the locked gift: once per key, never below zero, published with the stock after it. */
    void move(Gift gift, GiftStockKind kind, long delta, @Nullable UUID redemption, @Nullable String reason,
            String key, String actor) {
        String hash = Sha256.hex(gift.id() + "|" + kind + "|" + delta + "|" + redemption + "|" + reason);
        if (KeyedEntity.sameRequest(entries.findByIdempotencyKey(key), hash, "gift-key-reused", key).isPresent()) {
            return;
        }
        if (gift.stock() + delta < 0) {
            throw new ApiException.Conflict("gift-stock-short", gift.name(), -delta, gift.stock());
        }
        Instant now = clock.instant();
        long after = gift.move(delta, now);
        gifts.saveAndFlush(gift);
        GiftStockEntry entry = entries.saveAndFlush(new GiftStockEntry(gift.id(), kind, delta, after, redemption,
                reason, key, hash, actor, now));
        String store = TenantContext.require().storeCode();
        String group = group(store);
        events.publish(GiftEvents.TOPIC, GiftEvents.Type.GiftStockMoved.name(), new GiftEvents.GiftStockMoved(
                entry.id(), gift.id(), store, group, kind, delta, after, after <= gift.lowStockAt(), redemption,
                GiftEvents.GiftChanged.of(gift, store, group)));
    }

    private GiftViews.@Nullable RedemptionView earlier(String key, String hash) {
        return KeyedEntity.sameRequest(redemptions.findByIdempotencyKey(key), hash, "gift-key-reused", key)
                .map(first -> redemptionView(first.id())).orElse(null);
    }

    private static Points.Source source(GiftRedemption redemption) {
        return new Points.Source(SourceType.GIFT_REDEMPTION, redemption.id(), redemption.giftName());
    }

    private void publish(GiftEvents.Type type, Gift gift) {
        String store = TenantContext.require().storeCode();
        events.publish(GiftEvents.TOPIC, type.name(), GiftEvents.GiftChanged.of(gift, store, group(store)));
    }

    void publish(GiftEvents.Type type, GiftRedemption r) {
        String store = TenantContext.require().storeCode();
        events.publish(GiftEvents.TOPIC, type.name(), new GiftEvents.GiftRedemptionChanged(r.id(), r.giftId(),
                r.memberId(), store, group(store), r.quantity(), r.points(), r.status(), r.channel().name()));
    }

    @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    /** The details as kept: text trimmed, photos the store's own (or links the gift already has, {@code kept}). */
    private Gift.Details clean(Gift.Details d, List<String> kept) {
        return new Gift.Details(d.name().strip(), blankToNull(d.description()), d.pointsPrice(), d.memberLimit(),
                d.lowStockAt(), photos.requireAttachable(d.photos(), kept, null, "photos"));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
