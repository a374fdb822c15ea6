package com.m4s.store.gift;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A gift of the store's warehouse: what it is, its price in points, how many a member may redeem, when staff are told
 * stock runs low, whether it is listed, and its stock (the sum of its movements, changed only with one, under the
 * row's lock).
 */
@Entity
@Table(name = "gift")
class Gift extends BaseEntity {

    private String name;
    private @Nullable String description;
    @Column(name = "points_price")
    private long pointsPrice;
    @Column(name = "member_limit")
    private @Nullable Integer memberLimit;
    @Column(name = "low_stock_at")
    private int lowStockAt;
    @Enumerated(EnumType.STRING)
    private GiftStatus status;
    private long stock;
    @Column(name = "created_by")
    private String createdBy;

    protected Gift() {
        // for JPA, which sets every field right after
        this.name = "";
        this.status = GiftStatus.DELISTED;
        this.createdBy = "";
    }

    /** What staff say a gift is. */
    record Details(String name, @Nullable String description, long pointsPrice, @Nullable Integer memberLimit,
            int lowStockAt) {
    }

    Gift(Details details, boolean listed, String createdBy, Instant now) {
        super(now);
        this.name = details.name();
        this.status = listed ? GiftStatus.LISTED : GiftStatus.DELISTED;
        this.createdBy = createdBy;
        apply(details);
    }

    void change(Details details, Instant now) {
        this.name = details.name();
        apply(details);
        touch(now);
    }

    private void apply(Details details) {
        this.description = details.description();
        this.pointsPrice = details.pointsPrice();
        this.memberLimit = details.memberLimit();
        this.lowStockAt = details.lowStockAt();
    }

    /** True when the status changed. */
    boolean list(boolean listed, Instant now) {
        GiftStatus next = listed ? GiftStatus.LISTED : GiftStatus.DELISTED;
        if (status == next) {
            return false;
        }
        status = next;
        touch(now);
        return true;
    }

    /** The stock after a movement of {@code delta}; the caller has checked it does not go below zero. */
    long move(long delta, Instant now) {
        stock += delta;
        touch(now);
        return stock;
    }

    String name() { return name; }
    @Nullable String description() { return description; }
    long pointsPrice() { return pointsPrice; }
    @Nullable Integer memberLimit() { return memberLimit; }
    int lowStockAt() { return lowStockAt; }
    GiftStatus status() { return status; }
    long stock() { return stock; }
    String createdBy() { return createdBy; }
}
