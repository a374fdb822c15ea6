package com.m4s.store.wallet;

import com.m4s.platform.entity.KeyedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One immutable movement of a member's wallet: signed changes of principal and bonus (fen), how the money moved at the
 * desk, what it was for, the spend a refund returns, and its idempotency key. Never updated or deleted (Hibernate
 * treats it as immutable; a trigger refuses it in the database).
 */
@Entity
@Immutable
@Table(name = "wallet_entry")
class WalletEntry extends KeyedEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private WalletEntryKind kind;
    @Column(name = "principal_delta")
    private long principalDelta;
    @Column(name = "bonus_delta")
    private long bonusDelta;
    @Enumerated(EnumType.STRING)
    private @Nullable PaymentMethod method;
    @Enumerated(EnumType.STRING)
    @Column(name = "source_type")
    private WalletSourceType sourceType;
    @Column(name = "source_id")
    private @Nullable UUID sourceId;
    @Column(name = "source_ref")
    private @Nullable String sourceRef;
    @Column(name = "refund_of")
    private @Nullable UUID refundOf;
    private @Nullable String reason;
    @Column(name = "setting_version")
    private @Nullable Long settingVersion;

    protected WalletEntry() {
        // for JPA, which sets every field right after
        this.memberId = new UUID(0, 0);
        this.kind = WalletEntryKind.TOP_UP;
        this.sourceType = WalletSourceType.DESK_TOP_UP;
    }

    WalletEntry(UUID memberId, Wallets.Entry entry, String idempotencyKey, String requestHash, String createdBy,
            Instant now) {
        super(idempotencyKey, requestHash, createdBy, now);
        this.memberId = memberId;
        this.kind = entry.kind();
        this.principalDelta = entry.principal();
        this.bonusDelta = entry.bonus();
        this.method = entry.method();
        this.sourceType = entry.source().type();
        this.sourceId = entry.source().id();
        this.sourceRef = entry.source().ref();
        this.refundOf = entry.refundOf();
        this.reason = entry.reason();
        this.settingVersion = entry.settingVersion();
    }

    UUID memberId() { return memberId; }
    WalletEntryKind kind() { return kind; }
    long principalDelta() { return principalDelta; }
    long bonusDelta() { return bonusDelta; }
    @Nullable PaymentMethod method() { return method; }
    WalletSourceType sourceType() { return sourceType; }
    @Nullable UUID sourceId() { return sourceId; }
    @Nullable String sourceRef() { return sourceRef; }
}
