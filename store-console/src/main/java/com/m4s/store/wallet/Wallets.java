package com.m4s.store.wallet;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.idempotency.Sha256;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.member.Members;
import com.m4s.store.repairorder.RepairOrderService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wallet ledger of the current store (WAL-1, decision 0043), the one way money moves in a wallet. Every posting,
 * in the caller's transaction (a checkout debits the wallet with coupons and points in one): lock the member's
 * wallet row, answer the first posting if the idempotency key was posted before (409 {@code wallet-key-reused} if
 * for a different request), work out the entry from the wallet as it is, write the entry and the wallet, publish the
 * movement through the outbox. Principal and bonus never go below zero (the database checks it too).
 */
@Service
public class Wallets {

    /** What money moved for: the source's kind, its id (a repair order's) and a reference people read. */
    public record Source(WalletSourceType type, @Nullable UUID id, @Nullable String ref) {
    }

    /** A member's wallet in fen: principal (paid in, refundable in cash), bonus (given, never paid out), total. */
    public record WalletView(UUID memberId, long principal, long bonus, long total) {

        static WalletView of(WalletBalance b) {
            return new WalletView(b.memberId(), b.principal(), b.bonus(), b.principal() + b.bonus());
        }
    }

    /** A posting's entry and its signed changes, and the wallet after it (a repeat: the wallet now). */
    public record WalletPosting(UUID entryId, WalletEntryKind kind, long principalDelta, long bonusDelta,
            WalletView balance) {
    }

    /** An entry to write. */
    record Entry(WalletEntryKind kind, long principal, long bonus, @Nullable PaymentMethod method, Source source,
            @Nullable UUID refundOf, @Nullable String reason, @Nullable Long settingVersion) {
    }

    private final WalletEntryRepository entries;
    private final WalletBalanceRepository balances;
    private final WalletSettings settings;
    private final WalletHistory history;
    private final Members members;
    private final RepairOrderService orders;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final JdbcClient jdbc;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entityManager;

    Wallets(WalletEntryRepository entries, WalletBalanceRepository balances, WalletSettings settings,
            WalletHistory history, Members members, RepairOrderService orders, EventOutbox events,
            TenantRegistry tenants, JdbcClient jdbc, Clock clock) {
        this.entries = entries;
        this.balances = balances;
        this.settings = settings;
        this.history = history;
        this.members = members;
        this.orders = orders;
        this.events = events;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Money in at the desk: {@code amount} fen of principal, and in the same entry the bonus of the highest tier the
     * amount meets (the setting's version recorded).
     */
    @Transactional
    public WalletPosting topUp(UUID member, long amount, PaymentMethod method, @Nullable String note, String key,
            String actor) {
        requirePositive(amount);
        String reason = blankToNull(note);
        String hash = sha(member + "|TOP_UP|" + amount + "|" + method + "|" + reason);
        return post(member, key, hash, balance -> {
            WalletSettings.Bonus bonus = settings.bonusFor(amount);
            return new Entry(WalletEntryKind.TOP_UP, amount, bonus.bonus(), method,
                    new Source(WalletSourceType.DESK_TOP_UP, null, null), null, reason, bonus.settingVersion());
        }, actor);
    }

    /**
     * Money in that the owner paid online ({@code payment}'s online part succeeded at Stripe): a TOP_UP entry of
     * source ONLINE_TOP_UP with the bonus of the tier it meets, key {@code online-top-up:<payment>}, once per payment
     * (the database allows one). In the caller's transaction, which holds the payment's row lock.
     */
    @Transactional
    public WalletPosting topUpOnline(UUID member, long amount, PaymentMethod method, UUID payment, String actor) {
        requirePositive(amount);
        String hash = sha(member + "|ONLINE_TOP_UP|" + amount + "|" + method + "|" + payment);
        return post(member, "online-top-up:" + payment, hash, balance -> {
            WalletSettings.Bonus bonus = settings.bonusFor(amount);
            return new Entry(WalletEntryKind.TOP_UP, amount, bonus.bonus(), method,
                    new Source(WalletSourceType.ONLINE_TOP_UP, payment, null), null, null, bonus.settingVersion());
        }, actor);
    }

    /** What a refund of an online top-up took out of the wallet, and what it could not (see {@link #refundTopUp}). */
    public record TopUpTaken(@Nullable UUID entryId, long principal, long bonus, long principalShort, long bonusShort) {
    }

    /**
     * Takes out of the wallet what {@code principal} fen of an online top-up's payment, refunded, had put in: that
     * principal and the same share of the top-up's bonus (the last refund takes what is left of it, so refunds
     * together take exactly what the top-up gave). {@code strict}: 409 {@code wallet-top-up-spent} when the wallet no
     * longer holds it (a refund staff ask for); otherwise what the wallet holds is taken and the rest answered as
     * short (a refund already made at Stripe cannot be refused). Key-idempotent like every posting.
     */
    @Transactional
    public TopUpTaken refundTopUp(UUID member, UUID payment, long principal, String reason, String key,
            boolean strict, String actor) {
        requirePositive(principal);
        WalletEntry topUp = entries.findByIdempotencyKey("online-top-up:" + payment)
                .filter(e -> e.memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("wallet-top-up", payment));
        String why = reason.strip();
        String hash = sha(member + "|TOP_UP_REFUND|" + payment + "|" + principal + "|" + strict);
        WalletBalance current = lock(member);
        var earlier = entries.findByIdempotencyKey(key);
        if (earlier.isPresent() && earlier.get().requestHash().equals(hash)) {
            WalletEntry first = earlier.get();
            return new TopUpTaken(first.id(), -first.principalDelta(), -first.bonusDelta(), 0, 0);
        }
        // under the member's lock: refunds of one top-up are serial, so what is left of it is exact
        long principalBefore = -entries.principalRefunded(topUp.id());
        long bonusBefore = -entries.bonusRefunded(topUp.id());
        if (principalBefore + principal > topUp.principalDelta()) {
            throw new ApiException.Unprocessable("payment-refund-exceeds", Wallets.yuan(principal),
                    Wallets.yuan(topUp.principalDelta() - principalBefore)).field("amount");
        }
        long bonusDue = BigInteger.valueOf(topUp.bonusDelta()).multiply(BigInteger.valueOf(principalBefore + principal))
                .divide(BigInteger.valueOf(topUp.principalDelta())).longValueExact() - bonusBefore;
        if (strict && (current.principal() < principal || current.bonus() < bonusDue)) {
            throw new ApiException.Conflict("wallet-top-up-spent", Wallets.yuan(principal + bonusDue),
                    Wallets.yuan(current.principal() + current.bonus()));
        }
        long principalTaken = Math.min(principal, current.principal());
        long bonusTaken = Math.min(bonusDue, current.bonus());
        if (principalTaken + bonusTaken == 0) {
            return new TopUpTaken(null, 0, 0, principal, bonusDue);
        }
        WalletPosting posted = post(member, key, hash, balance -> new Entry(WalletEntryKind.TOP_UP_REFUND,
                -principalTaken, -bonusTaken, topUp.method(), new Source(WalletSourceType.ONLINE_TOP_UP, payment, null),
                topUp.id(), why, null), actor);
        return new TopUpTaken(posted.entryId(), principalTaken, bonusTaken, principal - principalTaken,
                bonusDue - bonusTaken);
    }

    /**
     * Pays {@code amount} fen from the wallet: principal first, then bonus; 409 {@code insufficient-wallet-balance}
     * when the two together are short. For a checkout that debits other means in the same transaction.
     */
    @Transactional
    public WalletPosting spend(UUID member, long amount, Source source, String key, String actor) {
        requirePositive(amount);
        String hash = sha(member + "|SPEND|" + amount + "|" + source.type() + "|" + source.id() + "|" + source.ref());
        return post(member, key, hash, balance -> {
            if (balance.principal() + balance.bonus() < amount) {
                throw new ApiException.Conflict("insufficient-wallet-balance", Wallets.yuan(amount),
                        Wallets.yuan(balance.principal() + balance.bonus())).field("amount");
            }
            long principal = Math.min(amount, balance.principal());
            return new Entry(WalletEntryKind.SPEND, -principal, -(amount - principal), null, source, null, null, null);
        }, actor);
    }

    /** Pays for one of the member's repair orders; 422 when the order is unknown or another member's. */
    @Transactional
    public WalletPosting spendOnRepairOrder(UUID member, UUID orderId, long amount, String key, String actor) {
        RepairOrderService.OrderRef order = orders.ref(orderId).orElseThrow(() -> new ApiException.Unprocessable(
                "wallet-order-unknown", orderId).field("repairOrderId"));
        if (!order.memberId().equals(member)) {
            throw new ApiException.Unprocessable("wallet-order-other-member", order.dmsNumber())
                    .field("repairOrderId");
        }
        return spend(member, amount, new Source(WalletSourceType.REPAIR_ORDER, orderId, order.dmsNumber()), key,
                actor);
    }

    /**
     * Returns {@code amount} fen of a spend to the wallet: what the spend took from bonus first (it was spent last),
     * then its principal, so its refunds together return exactly its split. 404 for an entry that is not a spend of
     * the member; 422 {@code wallet-refund-exceeds-spend} beyond what is left unrefunded of it.
     */
    @Transactional
    public WalletPosting refund(UUID member, UUID spendEntry, long amount, String reason, String key, String actor) {
        requirePositive(amount);
        WalletEntry spend = entries.findById(spendEntry).filter(e -> e.kind() == WalletEntryKind.SPEND)
                .filter(e -> e.memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("wallet-spend", spendEntry));
        String why = reason.strip();
        String hash = sha(member + "|REFUND|" + spendEntry + "|" + amount + "|" + why);
        return post(member, key, hash, balance -> {
            // under the member's lock: refunds of one spend are serial, so what is left is exact
            long bonusLeft = -spend.bonusDelta() - entries.bonusRefunded(spendEntry);
            long principalLeft = -spend.principalDelta() - entries.principalRefunded(spendEntry);
            if (amount > bonusLeft + principalLeft) {
                throw new ApiException.Unprocessable("wallet-refund-exceeds-spend", Wallets.yuan(amount),
                        Wallets.yuan(bonusLeft + principalLeft)).field("amount");
            }
            long bonus = Math.min(amount, bonusLeft);
            return new Entry(WalletEntryKind.REFUND, amount - bonus, bonus, null,
                    new Source(spend.sourceType(), spend.sourceId(), spend.sourceRef()), spendEntry, why, null);
        }, actor);
    }

    /**
     * Undoes a top-up taken by mistake (a manager, with the reason): one TOP_UP_REVERSAL entry of exactly its principal
     * and bonus, key {@code top-up-reversal:<entry>}: it is undone once, and asking again answers that reversal. 404
     * for an entry that is not a top-up of the member; 409 {@code wallet-top-up-spent} when the wallet no longer holds
     * its principal and bonus (refund the payments made from it first).
     */
    @Transactional
    public WalletPosting reverseTopUp(UUID member, UUID topUpEntry, String reason, String actor) {
        WalletEntry topUp = entries.findById(topUpEntry).filter(e -> e.kind() == WalletEntryKind.TOP_UP)
                .filter(e -> e.memberId().equals(member))
                .orElseThrow(() -> new ApiException.NotFound("wallet-top-up", topUpEntry));
        if (topUp.sourceType() == WalletSourceType.ONLINE_TOP_UP) {
            // paid online: refunding its payment sends the money back to the owner too
            throw new ApiException.Conflict("wallet-top-up-online");
        }
        String why = reason.strip();
        String hash = sha(member + "|TOP_UP_REVERSAL|" + topUpEntry);
        return post(member, "top-up-reversal:" + topUpEntry, hash, balance -> {
            if (balance.principal() < topUp.principalDelta() || balance.bonus() < topUp.bonusDelta()) {
                throw new ApiException.Conflict("wallet-top-up-spent", Wallets.yuan(topUp.principalDelta()
                        + topUp.bonusDelta()), Wallets.yuan(balance.principal() + balance.bonus()));
            }
            return new Entry(WalletEntryKind.TOP_UP_REVERSAL, -topUp.principalDelta(), -topUp.bonusDelta(),
                    topUp.method(), new Source(WalletSourceType.DESK_TOP_UP, null, null), topUpEntry, why, null);
        }, actor);
    }

    /**
     * Pays principal back (never bonus): one CASH_OUT entry, key {@code cash-out:<request>}. 409
     * {@code insufficient-wallet-principal} when the principal is short.
     */
    @Transactional
    WalletPosting cashOut(UUID member, UUID request, long amount, PaymentMethod method, String reason, String actor) {
        requirePositive(amount);
        String hash = sha(member + "|CASH_OUT|" + request + "|" + amount);
        return post(member, "cash-out:" + request, hash, balance -> {
            if (balance.principal() < amount) {
                throw new ApiException.Conflict("insufficient-wallet-principal", Wallets.yuan(amount),
                        Wallets.yuan(balance.principal())).field("amount");
            }
            return new Entry(WalletEntryKind.CASH_OUT, -amount, 0, method,
                    new Source(WalletSourceType.CASH_OUT, request, null), null, reason, null);
        }, actor);
    }

    /** The member's wallet (zeros for one who never had money in it); 404 for an unknown member. */
    @Transactional(readOnly = true)
    public WalletView balance(UUID member) {
        requireMember(member);
        return balances.findById(member).map(WalletView::of).orElse(new WalletView(member, 0, 0, 0));
    }

    /** The member's entries, newest first, each with what is left to refund of a spend. */
    @Transactional(readOnly = true)
    public PageResult<WalletHistory.WalletEntryView> history(UUID member, SqlPage page) {
        requireMember(member);
        return history.page(member, page);
    }

    /** The owner's member id (404 when the login has no member record). */
    @Transactional(readOnly = true)
    public UUID ownerMember(String subject) {
        return members.ownerContact(subject).memberId();
    }

    // --- posting

    private WalletPosting post(UUID member, String key, String hash, Function<WalletBalance, Entry> rule,
            String actor) {
        // the store and its group before the lock: the tenant directory may need a connection of its own, which must
        // not be waited for while others wait for this lock holding theirs (decision 0040)
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        WalletBalance balance = lock(member);
        var earlier = entries.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            WalletEntry first = earlier.get();
            if (!first.requestHash().equals(hash) || !first.memberId().equals(member)) {
                throw new ApiException.Conflict("wallet-key-reused", key);
            }
            return new WalletPosting(first.id(), first.kind(), first.principalDelta(), first.bonusDelta(),
                    WalletView.of(balance));
        }
        Entry entry = rule.apply(balance);
        Instant now = clock.instant();
        WalletEntry posted = entries.save(new WalletEntry(member, entry, key, hash, actor, now));
        balance.apply(entry.principal(), entry.bonus(), now);
        balances.saveAndFlush(balance);
        events.publish(WalletEvents.TOPIC, type(entry.kind()).name(), new WalletEvents.WalletMoved(posted.id(),
                member, store, group, entry.kind(), entry.principal(), entry.bonus(), balance.principal(),
                balance.bonus(), entry.source().type(), entry.source().id(), entry.refundOf()));
        return new WalletPosting(posted.id(), entry.kind(), entry.principal(), entry.bonus(), WalletView.of(balance));
    }

    private static WalletEvents.Type type(WalletEntryKind kind) {
        return switch (kind) {
            case TOP_UP -> WalletEvents.Type.WalletToppedUp;
            case SPEND -> WalletEvents.Type.WalletSpent;
            case REFUND -> WalletEvents.Type.WalletRefunded;
            case CASH_OUT -> WalletEvents.Type.WalletCashedOut;
            case TOP_UP_REVERSAL -> WalletEvents.Type.WalletTopUpReversed;
            case TOP_UP_REFUND -> WalletEvents.Type.WalletTopUpRefunded;
        };
    }

    /** The member's wallet row, locked; made first (under an advisory lock on the member) if there is none. */
    private WalletBalance lock(UUID member) {
        // a row this transaction locked before is in the persistence context, locked, with its changes
        WalletBalance held = entityManager.find(WalletBalance.class, member, LockModeType.PESSIMISTIC_WRITE);
        if (held != null) {
            return held;
        }
        requireMember(member);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:member, 1))").param("member", member.toString())
                .query().singleRow();
        // existsById does not load the row (a copy loaded unlocked would be handed back stale by the lock below)
        if (!balances.existsById(member)) {
            balances.saveAndFlush(new WalletBalance(member, clock.instant()));
        }
        return balances.lock(member).orElseThrow();
    }

    private void requireMember(UUID member) {
        if (members.contact(member).isEmpty()) {
            throw new ApiException.NotFound("member", member);
        }
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new ApiException.Unprocessable("wallet-amount-invalid").field("amount");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String sha(String text) {
        return Sha256.hex(text);
    }

    /** Fen as yuan for people: 50000 → 500.00. */
    static String yuan(long fen) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
