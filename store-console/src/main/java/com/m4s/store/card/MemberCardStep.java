package com.m4s.store.card;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One step of a card's life, as it happened; never changed (a trigger refuses it). */
@Entity
@Immutable
@Table(name = "member_card_step")
class MemberCardStep extends BaseEntity {

    /** What happened; the names are also the event types' stems ({@code MemberCard<Kind>}). */
    enum Kind { JOINED, RENEWED, UPGRADED, DOWNGRADED, REPORTED_LOST, REISSUED, CHANGED, QUIT, EXPIRED }

    @Column(name = "card_id")
    private UUID cardId;
    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private Kind kind;
    @Column(name = "from_level")
    private @Nullable String fromLevel;
    @Column(name = "to_level")
    private @Nullable String toLevel;
    @Column(name = "old_number")
    private @Nullable String oldNumber;
    @Column(name = "new_number")
    private @Nullable String newNumber;
    @Column(name = "reason")
    private @Nullable String reason;
    @Column(name = "qualifying_value")
    private @Nullable Long qualifyingValue;
    @Column(name = "actor")
    private String actor;

    protected MemberCardStep() {
        this.cardId = new UUID(0, 0);
        this.memberId = new UUID(0, 0);
        this.kind = Kind.JOINED;
        this.actor = "";
    }

    MemberCardStep(MemberCard card, Kind kind, @Nullable String fromLevel, @Nullable String toLevel,
            @Nullable String oldNumber, @Nullable String reason, @Nullable Long qualifyingValue, String actor,
            Instant now) {
        super(now);
        this.cardId = card.id();
        this.memberId = card.memberId();
        this.kind = kind;
        this.fromLevel = fromLevel;
        this.toLevel = toLevel;
        this.oldNumber = oldNumber;
        this.newNumber = card.cardNumber();
        this.reason = reason;
        this.qualifyingValue = qualifyingValue;
        this.actor = actor;
    }

    Kind kind() {
        return kind;
    }

    @Nullable String fromLevel() {
        return fromLevel;
    }

    @Nullable String toLevel() {
        return toLevel;
    }

    @Nullable String oldNumber() {
        return oldNumber;
    }

    @Nullable String newNumber() {
        return newNumber;
    }

    @Nullable String reason() {
        return reason;
    }

    @Nullable Long qualifyingValue() {
        return qualifyingValue;
    }

    String actor() {
        return actor;
    }
}
