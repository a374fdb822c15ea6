package com.m4s.store.points;

import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.member.Members;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.hibernate.LockMode;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger of the current store (PTS-1, decision 0030). Every posting, in the caller's transaction: lock
 * the member's balance row, return the first result if the idempotency key was posted before (409 if it was posted
 * for a different request), work out the entry's signed changes from the balance as it is, write the entry and the
 * balance. Removals never take available points below zero: the shortfall becomes debt, which later grants and
 * activations pay off first. Available points are held in lots (decision 0039): an addition makes one, expiring by
 * the store's policy; a removal takes from the oldest lots first, an expiry from its own lot.
 */
@Service
public class Points {

    /** Where points come from: the source's kind, its id (a repair order line's) and a reference people read. */
    public record Source(SourceType type, @Nullable UUID id, @Nullable String ref) {
    }

    /** An entry's signed changes of the buckets, and of lifetime earned points. */
    record Deltas(long available, long pending, long debt, long earned) {

        boolean isZero() {
            return available == 0 && pending == 0 && debt == 0;
        }
    }

    /** A member's points. */
    public record Balance(UUID memberId, long available, long pending, long lifetimeEarned, long debt) {

        static Balance of(PointsBalance b) {
            return new Balance(b.memberId(), b.available(), b.pending(), b.lifetimeEarned(), b.debt());
        }
    }

    /**
     * The result of a posting: the entry (null when nothing moved, e.g. activating a source with nothing pending)
     * and the member's balance after it.
     */
    public record Posted(@Nullable UUID entryId, Balance balance) {
    }

    /**
     * The result of a grant or a take-back: the posting, and whether it is new ({@code false}: the key was posted
     * before, or there was nothing to take back).
     */
    public record Granted(Posted posted, boolean first) {
    }

    /** What a source gave one member for a cause (a task for a repair order), net of what was taken back. */
    public record CauseTotal(UUID member, UUID source, long points) {
    }

    /** What a source produced in all: the members it gave points to and the points they earned from it, net. */
    public record SourceTotal(long members, long points) {
    }

    private final PointsEntryRepository entries;
    private final PointsBalanceRepository balances;
    private final PointsHistory history;
    private final Members members;
    private final JdbcClient jdbc;
    private final JobWork work;
    private final Clock clock;
    private final PointsLots lots;
    private final PointsLotRepository lotRows;
    @PersistenceContext
    private EntityManager entityManager;

    Points(PointsEntryRepository entries, PointsBalanceRepository balances, PointsHistory history, Members members,
            JdbcClient jdbc, JobWork work, Clock clock, PointsLots lots, PointsLotRepository lotRows) {
        this.entries = entries;
        this.lots = lots;
        this.lotRows = lotRows;
        this.balances = balances;
        this.history = history;
        this.members = members;
        this.jdbc = jdbc;
        this.work = work;
        this.clock = clock;
    }

    /** Points earned but pending until {@code activatesAt} (a settled repair order line). */
    @Transactional
    public Posted grantPending(UUID member, Source source, long points, int ruleVersion, Instant activatesAt,
            String key, String actor) {
        requireNonNegative(points);
        String hash = hash(member, EntryKind.GRANT_PENDING, source, points, ruleVersion);
        return post(member, key, hash, balance -> {
            work.mark(PointsActivation.JOB, activatesAt);
            return new Entry(EntryKind.GRANT_PENDING, new Deltas(0, points, 0, points), source, null, ruleVersion,
                    activatesAt);
        }, actor);
    }

    /**
     * Changes what a source produced by {@code delta} (a correction: either sign; a refund or reversal: negative):
     * from its pending points while it is pending, else from available points (a shortfall becomes debt; a gain pays
     * debt first).
     */
    @Transactional
    public Posted changeSource(UUID member, EntryKind kind, Source source, long delta, @Nullable Integer ruleVersion,
            String key, String actor) {
        if (kind != EntryKind.CORRECT && kind != EntryKind.REFUND && kind != EntryKind.REVERSE) {
            throw new IllegalArgumentException("not a change of a source: " + kind);
        }
        if (source.id() == null) {
            throw new IllegalArgumentException("a source change needs the source's id");
        }
        String hash = hash(member, kind, source, delta, ruleVersion);
        return post(member, key, hash, balance -> {
            UUID id = source.id();
            boolean pendingStill = !entries.activated(id);
            if (pendingStill) {
                long pending = entries.pendingOf(id);
                if (pending + delta < 0) {
                    throw new IllegalStateException("source " + id + " has " + pending + " pending, not " + -delta);
                }
                return new Entry(kind, new Deltas(0, delta, 0, delta), source, null, ruleVersion, null);
            }
            return new Entry(kind, available(balance, delta, delta), source, null, ruleVersion, null);
        }, actor);
    }

    /** Makes a source's pending points available (its refund window passed); once per source. */
    @Transactional
    public Posted activate(UUID member, Source source, String actor) {
        UUID id = java.util.Objects.requireNonNull(source.id(), "source id");
        String hash = hash(member, EntryKind.ACTIVATE, source, 0, null);
        return post(member, "activate:" + id, hash, balance -> {
            long pending = entries.pendingOf(id);
            Deltas moved = available(balance, pending, 0);
            return new Entry(EntryKind.ACTIVATE, new Deltas(moved.available(), -pending, moved.debt(), 0), source,
                    null, null, null);
        }, actor);
    }

    /**
     * Points earned and usable at once (an automatic task's reward), counted in lifetime earned, paying debt first.
     * The key says how often the source may reward the member: a repeat of a key answers the first grant, whatever
     * its points (a task rewarding by ratio posts the first order's points once per period).
     */
    @Transactional
    public Granted grant(UUID member, Source source, long points, String key, String actor) {
        return grant(member, source, null, points, key, actor);
    }

    /**
     * As {@link #grant(UUID, Source, long, String, String)}, recording what the grant rewarded ({@code cause}: the
     * repair order a task rewarded), so its take-backs find it ({@link #takeBack}). The cause is not part of the
     * request: a repeat of the key for another cause answers the first grant.
     */
    @Transactional
    public Granted grant(UUID member, Source source, @Nullable UUID cause, long points, String key, String actor) {
        requirePositive(points);
        String hash = hash(member, EntryKind.GRANT, new Source(source.type(), source.id(), null), 0, null);
        boolean[] first = {false};
        Posted posted = post(member, key, hash, balance -> {
            first[0] = true;
            return new Entry(EntryKind.GRANT, available(balance, points, points), source, null, null, null, cause);
        }, actor);
        return new Granted(posted, first[0]);
    }

    /**
     * Takes back what {@code source} gave the member for {@code cause} down to {@code keep} points (a refund: what is
     * left of the order would give; a reversal: 0): one {@code REFUND} or {@code REVERSE} entry of the difference,
     * worked out under the member's lock from the entries with that source and cause; from available points, the
     * shortfall recorded as debt. Nothing when the source gave no more than {@code keep}. A repeat of the key answers
     * the first posting, whatever it took.
     */
    @Transactional
    public Granted takeBack(UUID member, EntryKind kind, Source source, UUID cause, long keep, String key,
            String actor) {
        if (kind != EntryKind.REFUND && kind != EntryKind.REVERSE) {
            throw new IllegalArgumentException("not a take-back: " + kind);
        }
        UUID id = java.util.Objects.requireNonNull(source.id(), "source id");
        String hash = sha(hash(member, kind, new Source(source.type(), id, null), 0, null) + "|" + cause);
        boolean[] first = {false};
        Posted posted = post(member, key, hash, balance -> {
            long given = entries.earnedFor(id, cause, member);
            long delta = Math.min(0, Math.max(keep, 0) - given);
            first[0] = delta != 0;
            return new Entry(kind, available(balance, delta, delta), source, null, null, null, cause);
        }, actor);
        return new Granted(posted, first[0]);
    }

    /** What each member was given by sources of this type for {@code cause}, net, in the order first given. */
    @Transactional(readOnly = true)
    public java.util.List<CauseTotal> givenFor(SourceType type, UUID cause) {
        return history.givenFor(type, cause);
    }

    /** Spends available points; 409 insufficient-points when there are not enough. */
    @Transactional
    public Posted redeem(UUID member, long points, String what, String key, String actor) {
        requirePositive(points);
        Source source = new Source(SourceType.REDEMPTION, null, what);
        return post(member, key, hash(member, EntryKind.REDEEM, source, points, null), balance -> {
            if (balance.available() < points) {
                throw new ApiException.Conflict("insufficient-points", points, balance.available());
            }
            return new Entry(EntryKind.REDEEM, new Deltas(-points, 0, 0, 0), source, null, null, null);
        }, actor);
    }

    /**
     * Spends available points on what {@code source} names (a payment); 409 insufficient-points when there are not
     * enough. In the caller's transaction, with the payment's other parts.
     */
    @Transactional
    public Posted redeem(UUID member, long points, Source source, String key, String actor) {
        requirePositive(points);
        return post(member, key, hash(member, EntryKind.REDEEM, source, points, null), balance -> {
            if (balance.available() < points) {
                throw new ApiException.Conflict("insufficient-points", points, balance.available());
            }
            return new Entry(EntryKind.REDEEM, new Deltas(-points, 0, 0, 0), source, null, null, null);
        }, actor);
    }

    /**
     * Gives back points a refunded payment had spent: a {@code REDEEM_RETURN} entry that pays debt first and makes a
     * lot for the rest under the store's expiry policy; not earning. A repeat of the key answers the first.
     */
    @Transactional
    public Posted returnRedeemed(UUID member, long points, Source source, String key, String actor) {
        requirePositive(points);
        return post(member, key, hash(member, EntryKind.REDEEM_RETURN, source, points, null),
                balance -> new Entry(EntryKind.REDEEM_RETURN, available(balance, points, 0), source, null, null,
                        null), actor);
    }

    /**
     * A manual adjustment by staff with the reason: an addition pays debt first; a deduction may not exceed the
     * available points (409 insufficient-points).
     */
    @Transactional
    public Posted adjust(UUID member, long points, String reason, String key, String actor) {
        if (points == 0) {
            throw new ApiException.Unprocessable("points-zero").field("points");
        }
        Source source = new Source(SourceType.STAFF_ADJUSTMENT, null, null);
        String hash = hash(member, EntryKind.ADJUST, source, points, null) + reason.strip().hashCode();
        return post(member, key, sha(hash), balance -> {
            if (points < 0 && balance.available() < -points) {
                throw new ApiException.Conflict("insufficient-points", -points, balance.available());
            }
            Deltas deltas = points > 0 ? available(balance, points, 0) : new Deltas(points, 0, 0, 0);
            return new Entry(EntryKind.ADJUST, deltas, source, reason.strip(), null, null);
        }, actor);
    }

    /**
     * Expires what is left of a lot past its date: one {@code EXPIRE} entry of the lot's remainder, key
     * {@code expire:<lot>}, so a repeated run posts nothing; nothing when the lot is spent or not yet due.
     */
    @Transactional
    public Posted expire(UUID lotId, String actor) {
        PointsLot found = lotRows.findById(lotId).orElseThrow(() -> new ApiException.NotFound("points-lot", lotId));
        UUID member = found.memberId();
        Source source = new Source(SourceType.EXPIRY, lotId, found.expiresOn() == null ? null
                : found.expiresOn().toString());
        return post(member, "expire:" + lotId, hash(member, EntryKind.EXPIRE, source, 0, null), balance -> {
            PointsLot lot = lotRows.findById(lotId).orElseThrow();
            entityManager.refresh(lot);
            Instant due = lot.expiresAt();
            long left = due == null || clock.instant().isBefore(due) ? 0 : lot.remaining();
            return new Entry(EntryKind.EXPIRE, new Deltas(-left, 0, 0, 0), source, null, null, null, null, lotId,
                    null);
        }, actor);
    }

    /**
     * Restores the points an expiry removed, once per expiry, with the staff's reason: an {@code ADJUST} entry of
     * exactly those points (paying debt first, as any addition), whose lot expires at the end of the store day
     * {@value #RESTORED_DAYS} days on, whatever the policy (decision 0039). 404 for an entry that is not an expiry
     * of the member.
     */
    @Transactional
    public Posted reverseExpiry(UUID member, UUID expiryEntry, String reason, String actor) {
        PointsEntry expired = entries.findById(expiryEntry).filter(e -> e.kind() == EntryKind.EXPIRE)
                .filter(e -> e.memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("points-expiry", expiryEntry));
        long points = -expired.availableDelta();
        Source source = new Source(SourceType.EXPIRY_REVERSAL, expiryEntry, expired.sourceRef());
        String hash = sha(hash(member, EntryKind.ADJUST, source, points, null) + "|" + reason.strip());
        return post(member, "expire-reverse:" + expiryEntry, hash, balance -> {
            LocalDate until = clock.instant().atZone(lots.zone()).toLocalDate().plusDays(RESTORED_DAYS);
            return new Entry(EntryKind.ADJUST, available(balance, points, 0), source, reason.strip(), null, null,
                    null, null, until);
        }, actor);
    }

    /**
     * A move of available points from one member to another (decision 0040): the source names the transfer (or its
     * reversal), the key the move ({@code <key>:out} and {@code <key>:in} are the legs' keys).
     */
    public record Transfer(UUID from, UUID to, long points, Source fromSource, Source toSource, String key) {
    }

    /** The two legs of a transfer and both members' balances after it. */
    public record Transferred(UUID outEntry, UUID inEntry, Balance from, Balance to) {
    }

    /**
     * Locks both members' balance rows in a fixed order (the smaller id first), so two transfers crossing between
     * the same members wait for each other instead of deadlocking. In the caller's transaction, which must exist;
     * the later postings of that transaction find the rows held.
     */
    @Transactional
    public void lockInOrder(UUID a, UUID b) {
        if (a.compareTo(b) <= 0) {
            lock(a);
            lock(b);
        } else {
            lock(b);
            lock(a);
        }
    }

    /**
     * Moves available points (never pending ones) from one member to another in one transaction: a
     * {@code TRANSFER_OUT} entry of the sender, spending their oldest lots first, and a {@code TRANSFER_IN} entry of
     * the receiver, which pays the receiver's debt first (as any addition) and makes a lot for the rest under the
     * store's expiry policy. Neither counts as earning. Both rows are locked in a fixed order first. When the sender
     * has fewer available points, {@code shortfall} (points asked, points available) is thrown and nothing moves. A
     * repeat of the key answers the first move.
     */
    @Transactional
    public Transferred transfer(Transfer t, java.util.function.BiFunction<Long, Long, ApiException> shortfall,
            String actor) {
        return java.util.Objects.requireNonNull(transfer(t, () -> true, shortfall, actor));
    }

    /**
     * As {@link #transfer(Transfer, java.util.function.BiFunction, String)}, running {@code underLocks} once both
     * balance rows are locked and before anything is posted: the caller's checks that need the locks (a daily
     * maximum); it throws to refuse, or answers false to post nothing (null: a repeat the caller answers itself).
     */
    @Transactional
    public @Nullable Transferred transfer(Transfer t, java.util.function.BooleanSupplier underLocks,
            java.util.function.BiFunction<Long, Long, ApiException> shortfall, String actor) {
        requirePositive(t.points());
        if (t.from().equals(t.to())) {
            throw new IllegalArgumentException("a transfer needs two members");
        }
        // the receiver's lot expires by the policy in force now, worked out before the locks: the store's zone may
        // need a connection of its own (the tenant directory's cache), which a waiter for the locks must not hold up
        LocalDate inExpiresOn = lots.expiresOn(clock.instant());
        lockInOrder(t.from(), t.to());
        if (!underLocks.getAsBoolean()) {
            return null;
        }
        Posted out = post(t.from(), t.key() + ":out", hash(t.from(), EntryKind.TRANSFER_OUT, t.fromSource(),
                t.points(), null), balance -> {
                    if (balance.available() < t.points()) {
                        throw shortfall.apply(t.points(), balance.available());
                    }
                    return new Entry(EntryKind.TRANSFER_OUT, new Deltas(-t.points(), 0, 0, 0), t.fromSource(), null,
                            null, null);
                }, actor);
        Posted in = post(t.to(), t.key() + ":in", hash(t.to(), EntryKind.TRANSFER_IN, t.toSource(), t.points(),
                null), balance -> new Entry(EntryKind.TRANSFER_IN, available(balance, t.points(), 0), t.toSource(),
                        null, null, null, null, null, inExpiresOn, true), actor);
        return new Transferred(java.util.Objects.requireNonNull(out.entryId()),
                java.util.Objects.requireNonNull(in.entryId()), out.balance(), in.balance());
    }

    /** How long restored expired points last, in store days. */
    static final int RESTORED_DAYS = 90;

    /** The member's points (zeros for a member who never had any); 404 for an unknown member. */
    @Transactional(readOnly = true)
    public Balance balance(UUID member) {
        requireMember(member);
        return balances.findById(member).map(Balance::of).orElse(new Balance(member, 0, 0, 0, 0));
    }

    /** The member's entries, newest first, with the source of each. */
    @Transactional(readOnly = true)
    public PageResult<PointsHistory.EntryView> history(UUID member, SqlPage page) {
        requireMember(member);
        return history.page(member, page);
    }

    /** The points each source produced (net of refunds and corrections), for the sources that have entries. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> earnedBySource(Collection<UUID> sources) {
        return history.earnedBySource(sources);
    }

    /** The members each source gave points to and the points it produced, for the sources that have entries. */
    @Transactional(readOnly = true)
    public Map<UUID, SourceTotal> totalsBySource(Collection<UUID> sources) {
        return history.totalsBySource(sources);
    }

    /** The owner's member id (404 when the login has no member record). */
    @Transactional(readOnly = true)
    public UUID ownerMember(String subject) {
        return members.ownerContact(subject).memberId();
    }

    /**
     * An entry to post. {@code lot}: the lot an expiry empties (other removals take from the oldest lots);
     * {@code lotExpiresOn}: the expiry of the lot an addition makes, when not the policy's (restored points).
     */
    private record Entry(EntryKind kind, Deltas deltas, Source source, @Nullable String reason,
            @Nullable Integer ruleVersion, @Nullable Instant activatesAt, @Nullable UUID cause, @Nullable UUID lot,
            @Nullable LocalDate lotExpiresOn, boolean lotExpiryGiven) {

        Entry(EntryKind kind, Deltas deltas, Source source, @Nullable String reason, @Nullable Integer ruleVersion,
                @Nullable Instant activatesAt, @Nullable UUID cause, @Nullable UUID lot,
                @Nullable LocalDate lotExpiresOn) {
            this(kind, deltas, source, reason, ruleVersion, activatesAt, cause, lot, lotExpiresOn,
                    lotExpiresOn != null);
        }

        Entry(EntryKind kind, Deltas deltas, Source source, @Nullable String reason, @Nullable Integer ruleVersion,
                @Nullable Instant activatesAt) {
            this(kind, deltas, source, reason, ruleVersion, activatesAt, null, null, null);
        }

        Entry(EntryKind kind, Deltas deltas, Source source, @Nullable String reason, @Nullable Integer ruleVersion,
                @Nullable Instant activatesAt, @Nullable UUID cause) {
            this(kind, deltas, source, reason, ruleVersion, activatesAt, cause, null, null);
        }
    }

    @FunctionalInterface
    private interface Rule {
        Entry entry(PointsBalance balance);
    }

    private Posted post(UUID member, String key, String hash, Rule rule, String actor) {
        Locked locked = lockForPosting(member, key);
        PointsBalance balance = locked.balance();
        Earlier earlier = locked.earlier();
        if (earlier != null) {
            if (!earlier.hash().equals(hash) || !earlier.member().equals(member)) {
                throw new ApiException.Conflict("points-key-reused", key);
            }
            return new Posted(earlier.id(), Balance.of(balance));
        }
        Entry entry = rule.entry(balance);
        if (entry.deltas().isZero()) {
            return new Posted(null, Balance.of(balance));
        }
        Instant now = clock.instant();
        PointsEntry posted = new PointsEntry(member, entry.kind(), entry.deltas(), entry.source(), entry.reason(),
                entry.ruleVersion(), entry.activatesAt(), entry.cause(), key, hash, actor, now);
        entries.save(posted);
        long available = entry.deltas().available();
        if (available > 0) {
            LocalDate expiresOn = entry.lotExpiresOn();
            boolean given = entry.lotExpiryGiven();
            if (!given && locked.policyRead()) {
                expiresOn = lots.expiresOn(now, locked.policy());
                given = true;
            }
            lots.credit(member, posted.id(), available, expiresOn, given, now);
        } else if (available < 0 && entry.lot() != null) {
            PointsLot lot = lotRows.findById(entry.lot()).orElseThrow();
            if (lot.take(-available, now) != -available) {
                throw new IllegalStateException("lot " + lot.id() + " holds fewer than " + -available + " points");
            }
        } else if (available < 0) {
            lots.spend(member, -available, now);
        }
        balance.apply(entry.deltas(), now);
        // the balance is this transaction's managed, locked row: the flush writes it (a save would merge it first, a
        // copy of its state onto itself)
        if (!entityManager.contains(balance)) {
            throw new IllegalStateException("the balance of member " + member + " is not this transaction's");
        }
        balances.flush();
        return new Posted(posted.id(), Balance.of(balance));
    }

    /**
     * Adds {@code points} (either sign) to available: a gain pays debt first; a loss takes what is available and the
     * rest becomes debt.
     */
    private static Deltas available(PointsBalance balance, long points, long earned) {
        if (points >= 0) {
            long paid = Math.min(points, balance.debt());
            return new Deltas(points - paid, 0, -paid, earned);
        }
        long taken = Math.min(-points, balance.available());
        return new Deltas(-taken, 0, -points - taken, earned);
    }

    /** A posting made before with the key: its entry, request hash and member. */
    private record Earlier(UUID id, String hash, UUID member) {
    }

    /**
     * The member's balance row, locked; the entry posted before with the key, if any; and, when {@code policyRead},
     * the store's expiry policy in force (null: none).
     */
    private record Locked(PointsBalance balance, @Nullable Earlier earlier, boolean policyRead,
            PointsLots.@Nullable Policy policy) {
    }

    /**
     * One statement, one round trip (decision 0030, "Cost"): the member's balance row locked, the entry posted
     * before with the key and the store's expiry policy in force. A row this transaction holds already is not asked
     * for again (only the key is looked up); a member without a row gets one as in {@link #lock(UUID)}.
     */
    private Locked lockForPosting(UUID member, String key) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(PointsBalance.class);
        if (session.getPersistenceContextInternal().getEntity(session.generateEntityKey(member, persister)) == null) {
            java.util.List<Object[]> rows = session.createNativeQuery(LOCK_WITH_KEY_AND_POLICY, Object[].class)
                    .addEntity("b", PointsBalance.class, LockMode.PESSIMISTIC_WRITE)
                    .addScalar("earlier_id", UUID.class)
                    .addScalar("earlier_hash", String.class)
                    .addScalar("earlier_member", UUID.class)
                    .addScalar("policy_kind", String.class)
                    .addScalar("policy_months", Integer.class)
                    .addSynchronizedEntityClass(PointsBalance.class)
                    .addSynchronizedEntityClass(PointsEntry.class)
                    .addSynchronizedEntityClass(PointsExpiryPolicy.class)
                    .setParameter("member", member)
                    .setParameter("key", key)
                    .getResultList();
            if (!rows.isEmpty()) {
                Object[] row = rows.get(0);
                PointsBalance balance = (PointsBalance) row[0];
                // the row is locked by the statement: a later posting of this transaction does not lock it again
                var held = session.getPersistenceContextInternal().getEntry(balance);
                if (held != null && held.getLockMode().lessThan(LockMode.PESSIMISTIC_WRITE)) {
                    held.setLockMode(LockMode.PESSIMISTIC_WRITE);
                }
                Earlier earlier = row[1] == null ? null
                        : new Earlier((UUID) row[1], (String) row[2], (UUID) row[3]);
                PointsLots.Policy policy = row[4] == null ? null
                        : new PointsLots.Policy(ExpiryPolicyKind.valueOf((String) row[4]), (Integer) row[5]);
                return new Locked(balance, earlier, true, policy);
            }
        }
        PointsBalance balance = lock(member);
        Earlier earlier = entries.findByIdempotencyKey(key)
                .map(e -> new Earlier(e.id(), e.requestHash(), e.memberId())).orElse(null);
        return new Locked(balance, earlier, false, null);
    }

    private static final String LOCK_WITH_KEY_AND_POLICY = "select {b.*}, e.id as earlier_id,"
            + " e.request_hash as earlier_hash, e.member_id as earlier_member, p.kind as policy_kind,"
            + " p.months as policy_months"
            + " from points_balance b"
            + " left join points_entry e on e.idempotency_key = :key"
            + " left join lateral (select kind, months from points_expiry_policy"
            + " order by policy_version desc limit 1) p on true"
            + " where b.id = :member for no key update of b";

    /** The member's balance row, locked; made first (under an advisory lock on the member) if there is none. */
    private PointsBalance lock(UUID member) {
        // the row locked before in this transaction (an order's lines post one after the other) is not asked for
        // again: the persistence context has it, locked, with every change of this transaction
        PointsBalance held = entityManager.find(PointsBalance.class, member, LockModeType.PESSIMISTIC_WRITE);
        if (held != null) {
            return held;
        }
        requireMember(member);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:member, 0))").param("member", member.toString())
                .query().singleRow();
        // existsById does not load the row: one loaded here unlocked would stay in the persistence context with the
        // version read now, and the lock below would hand back that stale copy (a concurrent posting between the two
        // makes the update fail as a concurrent update)
        if (!balances.existsById(member)) {
            balances.saveAndFlush(new PointsBalance(member, clock.instant()));
        }
        return balances.lock(member).orElseThrow();
    }

    private void requireMember(UUID member) {
        if (members.contact(member).isEmpty()) {
            throw new ApiException.NotFound("member", member);
        }
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new ApiException.Unprocessable("points-zero").field("points");
        }
    }

    private static void requireNonNegative(long points) {
        if (points < 0) {
            throw new IllegalArgumentException("negative grant " + points);
        }
    }

    private static String hash(UUID member, EntryKind kind, Source source, long points, @Nullable Integer version) {
        return sha(member + "|" + kind + "|" + source.type() + "|" + source.id() + "|" + source.ref() + "|" + points
                + "|" + version);
    }

    private static String sha(String text) {
        return Sha256.hex(text);
    }
}
