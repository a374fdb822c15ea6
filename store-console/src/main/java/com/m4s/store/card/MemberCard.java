package com.m4s.store.card;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member's card: its number, level and status, valid until a date; its history is in {@link MemberCardStep}. */
@Entity
@Table(name = "member_card")
class MemberCard extends BaseEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "card_number")
    private String cardNumber;
    @Column(name = "level_id")
    private UUID levelId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private CardStatus status;
    @Column(name = "joined_at")
    private Instant joinedAt;
    @Column(name = "valid_until")
    private Instant validUntil;
    @Column(name = "level_since")
    private Instant levelSince;
    @Column(name = "last_downgrade_at")
    private @Nullable Instant lastDowngradeAt;

    protected MemberCard() {
        this.memberId = new UUID(0, 0);
        this.cardNumber = "";
        this.levelId = new UUID(0, 0);
        this.status = CardStatus.ACTIVE;
        this.joinedAt = Instant.EPOCH;
        this.validUntil = Instant.EPOCH;
        this.levelSince = Instant.EPOCH;
    }

    MemberCard(UUID memberId, String cardNumber, UUID levelId, Instant validUntil, Instant now) {
        super(now);
        this.memberId = memberId;
        this.cardNumber = cardNumber;
        this.levelId = levelId;
        this.status = CardStatus.ACTIVE;
        this.joinedAt = now;
        this.validUntil = validUntil;
        this.levelSince = now;
    }

    void rejoin(String number, UUID levelId, Instant validUntil, Instant now) {
        this.cardNumber = number;
        this.levelId = levelId;
        this.status = CardStatus.ACTIVE;
        this.joinedAt = now;
        this.validUntil = validUntil;
        this.levelSince = now;
        this.lastDowngradeAt = null;
        touch(now);
    }

    void renew(Instant validUntil, Instant now) {
        this.status = CardStatus.ACTIVE;
        this.validUntil = validUntil;
        touch(now);
    }

    void level(UUID levelId, boolean downgrade, Instant now) {
        this.levelId = levelId;
        this.levelSince = now;
        if (downgrade) {
            this.lastDowngradeAt = now;
        }
        touch(now);
    }

    void status(CardStatus status, Instant now) {
        this.status = status;
        touch(now);
    }

    void number(String number, Instant now) {
        this.cardNumber = number;
        this.status = CardStatus.ACTIVE;
        touch(now);
    }

    UUID memberId() {
        return memberId;
    }

    String cardNumber() {
        return cardNumber;
    }

    UUID levelId() {
        return levelId;
    }

    CardStatus status() {
        return status;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    Instant validUntil() {
        return validUntil;
    }

    Instant levelSince() {
        return levelSince;
    }

    @Nullable Instant lastDowngradeAt() {
        return lastDowngradeAt;
    }
}
