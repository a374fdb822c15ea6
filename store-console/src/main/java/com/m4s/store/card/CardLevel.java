package com.m4s.store.card;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A card level of the store (普卡, 银卡, …): reached at {@code threshold} of the programme's basis; rank 0 is the first. */
@Entity
@Table(name = "card_level")
class CardLevel extends BaseEntity {

    @Column(name = "code")
    private String code;
    @Column(name = "name")
    private String name;
    @Column(name = "rank")
    private int rank;
    @Column(name = "threshold")
    private long threshold;
    @Column(name = "benefits")
    private String benefits;

    protected CardLevel() {
        this.code = "";
        this.name = "";
        this.benefits = "";
    }

    CardLevel(String code, String name, int rank, long threshold, String benefits, Instant now) {
        super(now);
        this.code = code;
        this.name = name;
        this.rank = rank;
        this.threshold = threshold;
        this.benefits = benefits;
    }

    void change(String name, int rank, long threshold, String benefits, Instant now) {
        this.name = name;
        this.rank = rank;
        this.threshold = threshold;
        this.benefits = benefits;
        touch(now);
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    int rank() {
        return rank;
    }

    long threshold() {
        return threshold;
    }

    String benefits() {
        return benefits;
    }
}
