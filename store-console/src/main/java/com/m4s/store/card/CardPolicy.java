package com.m4s.store.card;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** The store's card programme: what levels are measured on, over how many months, how long a card is valid. */
@Entity
@Table(name = "card_policy")
class CardPolicy extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "basis")
    private CardBasis basis;
    @Column(name = "window_months")
    private int windowMonths;
    @Column(name = "validity_months")
    private int validityMonths;

    protected CardPolicy() {
        this.basis = CardBasis.POINTS;
    }

    CardBasis basis() {
        return basis;
    }

    int windowMonths() {
        return windowMonths;
    }

    int validityMonths() {
        return validityMonths;
    }

    void change(CardBasis basis, int windowMonths, int validityMonths, Instant now) {
        this.basis = basis;
        this.windowMonths = windowMonths;
        this.validityMonths = validityMonths;
        touch(now);
    }
}
