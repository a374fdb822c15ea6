package com.m4s.store.transfer;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.member.MemberViews;
import com.m4s.store.member.Members;
import com.m4s.store.points.Points;
import com.m4s.store.points.SourceType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Point transfers (积分转赠, PTS-6, decision 0040), the one way they move. A transfer: the store's policy allows it,
 * the receiver is another member of the store found by phone, at least the minimum, both balance rows locked in a
 * fixed order, then under those locks the sender's transfers of the store day plus this one within the daily
 * maximum and the sender's available points enough; both ledger legs, the record and its event in one transaction.
 * A reversal by a manager posts exactly the opposite legs, once, refused when the receiver no longer has the points.
 */
@Service
public class PointTransfers {

    private final PointTransferRepository transfers;
    private final PointTransferPolicyRepository policies;
    private final PointTransferList list;
    private final Points points;
    private final Members members;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final StoreTime storeTime;
    private final Clock clock;

    PointTransfers(PointTransferRepository transfers, PointTransferPolicyRepository policies, PointTransferList list,
            Points points, Members members, EventOutbox events, TenantRegistry tenants, StoreTime storeTime,
            Clock clock) {
        this.transfers = transfers;
        this.policies = policies;
        this.list = list;
        this.points = points;
        this.members = members;
        this.events = events;
        this.tenants = tenants;
        this.storeTime = storeTime;
        this.clock = clock;
    }

    // --- the owner's side

    /** Who the phone belongs to, masked, for the confirmation; 422 when it is nobody of the store or the owner. */
    @Transactional(readOnly = true)
    public PointTransferViews.TransferRecipient recipient(String ownerSubject, String phone) {
        UUID from = points.ownerMember(ownerSubject);
        MemberViews.OwnerCandidate to = receiver(from, phone);
        return new PointTransferViews.TransferRecipient(maskName(to.name()), maskPhone(phone));
    }

    /** The owner's limits today and their available points. */
    @Transactional(readOnly = true)
    public PointTransferViews.OwnTransferLimits limits(String ownerSubject) {
        UUID from = points.ownerMember(ownerSubject);
        PointTransferPolicy policy = policy();
        long out = transfers.outOn(from, today());
        return new PointTransferViews.OwnTransferLimits(policy.enabled(), policy.minPoints(), policy.dailyMaxOut(),
                Math.max(0, policy.dailyMaxOut() - out), points.balance(from).available());
    }

    /**
     * Transfers the owner's available points to the member with {@code phone}. {@code requestKey} names the request
     * ({@code transfer:<caller>:<Idempotency-Key>}, or a fresh one): a repeat answers the first transfer.
     */
    @Transactional
    public PointTransferViews.OwnTransferResult transfer(String ownerSubject, String phone, long amount,
            String requestKey, String actor) {
        UUID from = points.ownerMember(ownerSubject);
        var earlier = transfers.findByRequestKey(requestKey);
        if (earlier.isPresent()) {
            return repeat(earlier.get(), from, phone, amount);
        }
        PointTransferPolicy policy = policy();
        if (!policy.enabled()) {
            throw new ApiException.Conflict("point-transfers-disabled");
        }
        MemberViews.OwnerCandidate to = receiver(from, phone);
        if (amount < policy.minPoints()) {
            throw new ApiException.Unprocessable("point-transfer-below-minimum", policy.minPoints()).field("points");
        }
        // the store's day, its group and the sender's contact before the locks: the tenant directory may need a
        // connection of its own, which must not be waited for while others wait for these locks holding theirs
        LocalDate day = today();
        String store = TenantContext.require().storeCode();
        String group = group(store);
        MemberViews.Contact sender = members.contact(from).orElseThrow();
        PointTransfer transfer = new PointTransfer(requestKey, from, to.memberId(), amount, day, actor,
                clock.instant());
        Points.Transferred moved = points.transfer(new Points.Transfer(from, to.memberId(), amount,
                new Points.Source(SourceType.TRANSFER, transfer.id(), ref(to.name(), phone)),
                new Points.Source(SourceType.TRANSFER, transfer.id(), ref(sender.name(), sender.phone())),
                "transfer:" + transfer.id()), () -> {
                    // a concurrent repeat of the request waited for the locks: it finds the first transfer now
                    if (transfers.findByRequestKey(requestKey).isPresent()) {
                        return false;
                    }
                    long out = transfers.outOn(from, day);
                    if (out + amount > policy.dailyMaxOut()) {
                        throw new ApiException.Unprocessable("point-transfer-daily-maximum", policy.dailyMaxOut(),
                                out, Math.max(0, policy.dailyMaxOut() - out)).field("points");
                    }
                    return true;
                }, (asked, available) -> new ApiException.Conflict("insufficient-points", asked, available)
                        .field("points"), actor);
        if (moved == null) {
            return repeat(transfers.findByRequestKey(requestKey).orElseThrow(), from, phone, amount);
        }
        transfer.legs(moved.outEntry(), moved.inEntry());
        transfers.saveAndFlush(transfer);
        publish(transfer, PointTransferEvents.Type.PointTransferCompleted, store, group);
        return new PointTransferViews.OwnTransferResult(transfer.id(), maskName(to.name()), maskPhone(phone), amount,
                transfer.status(), transfer.createdAt(), moved.from().available());
    }

    private PointTransferViews.OwnTransferResult repeat(PointTransfer first, UUID from, String phone, long amount) {
        MemberViews.Contact to = members.contact(first.toMemberId()).orElseThrow();
        if (!first.fromMemberId().equals(from) || first.points() != amount || !to.phone().equals(phone)) {
            throw new ApiException.Conflict("points-key-reused", first.requestKey());
        }
        return new PointTransferViews.OwnTransferResult(first.id(), maskName(to.name()), maskPhone(to.phone()),
                first.points(), first.status(), first.createdAt(), points.balance(from).available());
    }

    // --- the staff's side

    @Transactional(readOnly = true)
    public PageResult<PointTransferViews.PointTransferView> list(PointTransferList.Filter filter, SqlPage page) {
        return list.page(filter, page);
    }

    /** Every transfer the list shows for this filter, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(PointTransferList.Filter filter, SqlPage order,
            Consumer<PointTransferViews.PointTransferView> sink) {
        return list.each(filter, order, sink);
    }

    @Transactional(readOnly = true)
    public PointTransferViews.PointTransferView get(UUID id) {
        find(id);
        return list.one(id);
    }

    /**
     * Reverses a completed transfer with the reason: the receiver's {@code TRANSFER_OUT} and the sender's
     * {@code TRANSFER_IN} of exactly its points (source {@code TRANSFER_REVERSAL}, keys
     * {@code transfer:<id>:reverse:out|in}); 409 {@code point-transfer-points-spent} when the receiver has fewer
     * available points. A reversed transfer answers as it is (a repeat changes nothing).
     */
    @Transactional
    public PointTransferViews.PointTransferView reverse(UUID id, String reason, @Nullable Long expectedVersion,
            String actor) {
        PointTransfer transfer = transfers.lock(id).orElseThrow(() -> new ApiException.NotFound("point-transfer",
                id));
        if (transfer.status() == PointTransferStatus.REVERSED) {
            return list.one(id);
        }
        Versions.expect(PointTransfer.class, id, transfer.version(), expectedVersion);
        String store = TenantContext.require().storeCode();
        String group = group(store);
        MemberViews.Contact from = members.contact(transfer.fromMemberId()).orElseThrow();
        MemberViews.Contact to = members.contact(transfer.toMemberId()).orElseThrow();
        points.transfer(new Points.Transfer(transfer.toMemberId(), transfer.fromMemberId(), transfer.points(),
                new Points.Source(SourceType.TRANSFER_REVERSAL, id, ref(from.name(), from.phone())),
                new Points.Source(SourceType.TRANSFER_REVERSAL, id, ref(to.name(), to.phone())),
                "transfer:" + id + ":reverse"), (asked, available) -> new ApiException.Conflict(
                        "point-transfer-points-spent", asked, available), actor);
        transfer.reverse(reason.strip(), actor, clock.instant());
        transfers.saveAndFlush(transfer);
        publish(transfer, PointTransferEvents.Type.PointTransferReversed, store, group);
        return list.one(id);
    }

    // --- the policy

    @Transactional(readOnly = true)
    public PointTransferViews.TransferPolicyView policyView() {
        PointTransferPolicy p = policy();
        return new PointTransferViews.TransferPolicyView(p.enabled(), p.minPoints(), p.dailyMaxOut(), p.version());
    }

    /** Changes the limits; send the version read (If-Match). 422 when the daily maximum is below the minimum. */
    @Transactional
    public PointTransferViews.TransferPolicyView changePolicy(boolean enabled, long minPoints, long dailyMaxOut,
            @Nullable Long expectedVersion) {
        PointTransferPolicy policy = policy();
        Versions.expect(PointTransferPolicy.class, policy.id(), policy.version(), expectedVersion);
        if (dailyMaxOut < minPoints) {
            throw new ApiException.Unprocessable("point-transfer-policy-range").field("dailyMaxOut");
        }
        policy.change(enabled, minPoints, dailyMaxOut, clock.instant());
        policies.saveAndFlush(policy);
        return policyView();
    }

    // --- helpers

    private PointTransferPolicy policy() {
        return policies.findAll().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no transfer policy"));
    }

    private MemberViews.OwnerCandidate receiver(UUID from, String phone) {
        // store schemas make a member of another store the same case as an unknown phone
        MemberViews.OwnerCandidate to = members.ownerCandidate(phone.strip())
                .orElseThrow(() -> new ApiException.Unprocessable("point-transfer-recipient-unknown").field("phone"));
        if (to.memberId().equals(from)) {
            throw new ApiException.Unprocessable("point-transfer-self").field("phone");
        }
        return to;
    }

    private PointTransfer find(UUID id) {
        return transfers.findById(id).orElseThrow(() -> new ApiException.NotFound("point-transfer", id));
    }

    private LocalDate today() {
        return clock.instant().atZone(storeTime.zone()).toLocalDate();
    }

    private @Nullable String group(String store) {
        return tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    private void publish(PointTransfer t, PointTransferEvents.Type type, String store, @Nullable String group) {
        events.publish(PointTransferEvents.TOPIC, type.name(), new PointTransferEvents.PointTransferChanged(t.id(),
                store, group, t.version(), t.fromMemberId(), t.toMemberId(), t.points(), t.status()));
    }

    /** The other member as a history line shows them: masked name and phone. */
    static String ref(String name, String phone) {
        return maskName(name) + " " + maskPhone(phone);
    }

    /** 张三丰 → 张**; a name of one character stays. */
    static String maskName(String name) {
        String n = name.strip();
        int first = n.isEmpty() ? 0 : n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(0, n.codePointCount(first, n.length())));
    }

    /** 13800000002 → 138****0002. */
    static String maskPhone(String phone) {
        return phone.length() < 8 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
