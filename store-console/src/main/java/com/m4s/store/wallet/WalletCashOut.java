package com.m4s.store.wallet;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request to pay a member's principal back in cash; the money itself moves in the ledger when it is paid. */
@Entity
@Table(name = "wallet_cash_out")
class WalletCashOut extends BaseEntity {

    @Column(name = "request_key", updatable = false)
    private String requestKey;
    @Column(name = "member_id", updatable = false)
    private UUID memberId;
    @Column(updatable = false)
    private long amount;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private PaymentMethod method;
    @Column(updatable = false)
    private String reason;
    @Enumerated(EnumType.STRING)
    private WalletCashOutStatus status;
    @Column(name = "requested_by", updatable = false)
    private String requestedBy;
    @Column(name = "requested_by_subject", updatable = false)
    private String requestedBySubject;
    @Column(name = "decided_by")
    private @Nullable String decidedBy;
    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;
    @Column(name = "decision_note")
    private @Nullable String decisionNote;
    @Column(name = "entry_id")
    private @Nullable UUID entryId;

    protected WalletCashOut() {
        this.requestKey = "";
        this.memberId = new UUID(0, 0);
        this.method = PaymentMethod.CASH;
        this.reason = "";
        this.status = WalletCashOutStatus.PENDING;
        this.requestedBy = "";
        this.requestedBySubject = "";
    }

    WalletCashOut(String requestKey, UUID memberId, long amount, PaymentMethod method, String reason,
            String requestedBy, String requestedBySubject, Instant now) {
        super(now);
        this.requestKey = requestKey;
        this.memberId = memberId;
        this.amount = amount;
        this.method = method;
        this.reason = reason;
        this.status = WalletCashOutStatus.PENDING;
        this.requestedBy = requestedBy;
        this.requestedBySubject = requestedBySubject;
    }

    /** Paid: by the approver (null: at or under the threshold, paid when asked). */
    void paid(UUID entry, @Nullable String by, @Nullable String note, Instant now) {
        this.status = WalletCashOutStatus.PAID;
        this.entryId = entry;
        this.decidedBy = by;
        this.decisionNote = note;
        this.decidedAt = now;
        touch(now);
    }

    void rejected(String by, String note, Instant now) {
        this.status = WalletCashOutStatus.REJECTED;
        this.decidedBy = by;
        this.decisionNote = note;
        this.decidedAt = now;
        touch(now);
    }

    String requestKey() { return requestKey; }
    UUID memberId() { return memberId; }
    long amount() { return amount; }
    PaymentMethod method() { return method; }
    String reason() { return reason; }
    WalletCashOutStatus status() { return status; }
    String requestedBySubject() { return requestedBySubject; }
    @Nullable UUID entryId() { return entryId; }
}
