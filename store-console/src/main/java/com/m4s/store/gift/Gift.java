package com.m4s.store.gift;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A gift of the store's warehouse: what it is, its photos, its price in points, how many a member may redeem, when
 * staff are told stock runs low, whether it is listed, its stock (the sum of its movements, changed only with one,
 * under the row's lock) and the pieces redeemed with points (not cancelled, kept with each redemption under the same
 * lock). Every change is a new version, which orders the gift's search documents.
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
    private long redeemed;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photos", columnDefinition = "text[]")
    private List<String> photos = new ArrayList<>();
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
            int lowStockAt, List<String> photos) {
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
        this.photos = new ArrayList<>(details.photos());
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

    /** Counts pieces redeemed with points ({@code quantity} > 0) or given back by a cancellation (< 0). */
    void redeemed(int quantity) {
        redeemed += quantity;
    }

    String name() { return name; }
    @Nullable String description() { return description; }
    long pointsPrice() { return pointsPrice; }
    @Nullable Integer memberLimit() { return memberLimit; }
    int lowStockAt() { return lowStockAt; }
    GiftStatus status() { return status; }
    long stock() { return stock; }
    long redeemed() { return redeemed; }
    List<String> photos() { return List.copyOf(photos); }
    String createdBy() { return createdBy; }
}
