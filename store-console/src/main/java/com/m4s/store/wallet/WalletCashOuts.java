package com.m4s.store.wallet;

import com.m4s.platform.events.EventOutbox;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cash-outs of principal (decision 0043), the one way a request moves. Asked with a reason; at or under the store's
 * threshold it is paid at once (a CASH_OUT entry), above it it waits as PENDING for a manager who is not the
 * requester: approval posts the entry once (a second approval answers the paid request), rejection records the note.
 */
@Service
public class WalletCashOuts {

    private final WalletCashOutRepository requests;
    private final WalletCashOutList list;
    private final Wallets wallets;
    private final WalletSettings settings;
    private final EventOutbox events;
    private final TenantRegistry tenants;
    private final Clock clock;

    WalletCashOuts(WalletCashOutRepository requests, WalletCashOutList list, Wallets wallets,
            WalletSettings settings, EventOutbox events, TenantRegistry tenants, Clock clock) {
        this.requests = requests;
        this.list = list;
        this.wallets = wallets;
        this.settings = settings;
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Asks to pay {@code amount} fen of principal back. {@code requestKey} names the request: a repeat answers the
     * first (409 {@code wallet-key-reused} when it asked for something else). 409
     * {@code insufficient-wallet-principal} when the principal is short now (checked again when paid).
     */
    @Transactional
    public WalletViews.CashOutView request(UUID member, long amount, @Nullable PaymentMethod method, String reason,
            String requestKey, String actor, String actorSubject) {
        var earlier = requests.findByRequestKey(requestKey);
        if (earlier.isPresent()) {
            WalletCashOut first = earlier.get();
            if (!first.memberId().equals(member) || first.amount() != amount) {
                throw new ApiException.Conflict("wallet-key-reused", requestKey);
            }
            return list.one(first.id());
        }
        Wallets.WalletView balance = wallets.balance(member);
        if (amount <= 0) {
            throw new ApiException.Unprocessable("wallet-amount-invalid").field("amount");
        }
        if (balance.principal() < amount) {
            throw new ApiException.Conflict("insufficient-wallet-principal", Wallets.yuan(amount),
                    Wallets.yuan(balance.principal())).field("amount");
        }
        PaymentMethod how = method == null ? PaymentMethod.CASH : method;
        WalletCashOut request = requests.saveAndFlush(new WalletCashOut(requestKey, member, amount, how,
                reason.strip(), actor, actorSubject, clock.instant()));
        if (amount <= settings.cashOutApprovalAbove()) {
            pay(request, null, null, actor);
        } else {
            publish(request, WalletEvents.Type.WalletCashOutRequested);
        }
        return list.one(request.id());
    }

    /**
     * Approves a pending request: the CASH_OUT entry is posted and the request is PAID. A paid request answers as it
     * is (approving twice posts once); 409 {@code wallet-cash-out-own-request} for its requester,
     * {@code wallet-cash-out-decided} for a rejected one, {@code insufficient-wallet-principal} when the principal is
     * short now.
     */
    @Transactional
    public WalletViews.CashOutView approve(UUID id, @Nullable String note, @Nullable Long expectedVersion,
            String actor, String actorSubject) {
        WalletCashOut request = lock(id);
        if (request.status() == WalletCashOutStatus.PAID) {
            return list.one(id);
        }
        decidable(request, expectedVersion, actorSubject);
        pay(request, actor, note == null || note.isBlank() ? null : note.strip(), actor);
        return list.one(id);
    }

    /** Rejects a pending request with the note (422 without one); a rejected request answers as it is. */
    @Transactional
    public WalletViews.CashOutView reject(UUID id, @Nullable String note, @Nullable Long expectedVersion,
            String actor, String actorSubject) {
        WalletCashOut request = lock(id);
        if (request.status() == WalletCashOutStatus.REJECTED) {
            return list.one(id);
        }
        if (note == null || note.isBlank()) {
            throw new ApiException.Unprocessable("wallet-cash-out-note-required").field("note");
        }
        decidable(request, expectedVersion, actorSubject);
        request.rejected(actor, note.strip(), clock.instant());
        requests.saveAndFlush(request);
        publish(request, WalletEvents.Type.WalletCashOutRejected);
        return list.one(id);
    }

    @Transactional(readOnly = true)
    public PageResult<WalletViews.CashOutView> list(WalletCashOutList.Filter filter, SqlPage page) {
        return list.page(filter, page);
    }

    /** Every request the list shows for this filter, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(WalletCashOutList.Filter filter, SqlPage order,
            java.util.function.Consumer<WalletViews.CashOutView> sink) {
        return list.each(filter, order, sink);
    }

    @Transactional(readOnly = true)
    public WalletViews.CashOutView get(UUID id) {
        requests.findById(id).orElseThrow(() -> new ApiException.NotFound("wallet-cash-out", id));
        return list.one(id);
    }

    private void decidable(WalletCashOut request, @Nullable Long expectedVersion, String actorSubject) {
        if (!request.status().allows(WalletCashOutStatus.Move.APPROVE)) {
            throw new ApiException.Conflict("wallet-cash-out-decided", request.status().name());
        }
        Versions.expect(WalletCashOut.class, request.id(), request.version(), expectedVersion);
        if (request.requestedBySubject().equals(actorSubject)) {
            throw new ApiException.Conflict("wallet-cash-out-own-request");
        }
    }

    private void pay(WalletCashOut request, @Nullable String approver, @Nullable String note, String actor) {
        Wallets.WalletPosting posted = wallets.cashOut(request.memberId(), request.id(), request.amount(), request.method(),
                request.reason(), actor);
        request.paid(posted.entryId(), approver, note, clock.instant());
        requests.saveAndFlush(request);
    }

    private WalletCashOut lock(UUID id) {
        return requests.lock(id).orElseThrow(() -> new ApiException.NotFound("wallet-cash-out", id));
    }

    private void publish(WalletCashOut r, WalletEvents.Type type) {
        String store = TenantContext.require().storeCode();
        String group = tenants.find(store).map(TenantRegistry.Entry::groupCode).orElse(null);
        events.publish(WalletEvents.TOPIC, type.name(), new WalletEvents.WalletCashOutChanged(r.id(), store, group,
                r.memberId(), r.amount(), r.status(), r.entryId()));
    }
}
