package com.m4s.store.transfer;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An owner's share link: one per sharer and target (a listed used car, or the store), found by its token. */
@Entity
@Table(name = "point_share")
class PointShare extends BaseEntity {

    /** What a link shows. */
    enum Target {
        USED_CAR, STORE
    }

    @Column(updatable = false)
    private String token;
    @Column(name = "sharer_member_id", updatable = false)
    private UUID sharerMemberId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Target target;
    @Column(name = "used_car_id", updatable = false)
    private @Nullable UUID usedCarId;
    @Column(name = "sharer_visitor")
    private @Nullable String sharerVisitor;

    protected PointShare() {
        this.token = "";
        this.sharerMemberId = new UUID(0, 0);
        this.target = Target.STORE;
    }

    PointShare(String token, UUID sharer, Target target, @Nullable UUID usedCarId, @Nullable String sharerVisitor,
            Instant now) {
        super(now);
        this.token = token;
        this.sharerMemberId = sharer;
        this.target = target;
        this.usedCarId = usedCarId;
        this.sharerVisitor = sharerVisitor;
    }

    /** Remembers the sharer's own browser (their visits never convert). */
    void sharerVisitor(@Nullable String visitor, Instant now) {
        if (visitor != null && !visitor.equals(sharerVisitor)) {
            this.sharerVisitor = visitor;
            touch(now);
        }
    }

    String token() { return token; }
    UUID sharerMemberId() { return sharerMemberId; }
    Target target() { return target; }
    @Nullable UUID usedCarId() { return usedCarId; }
    @Nullable String sharerVisitor() { return sharerVisitor; }
}
