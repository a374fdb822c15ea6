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

/** Someone a share link brought: a new visitor (a browser's id) or an owner's sign-up; once per visitor and link. */
@Entity
@Table(name = "point_share_conversion")
class PointShareConversion extends BaseEntity {

    /** How the link converted. */
    enum Kind {
        VISIT, SIGN_UP
    }

    @Column(name = "share_id", updatable = false)
    private UUID shareId;
    @Column(updatable = false)
    private String visitor;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Kind kind;
    @Column(name = "member_id", updatable = false)
    private @Nullable UUID memberId;

    protected PointShareConversion() {
        this.shareId = new UUID(0, 0);
        this.visitor = "";
        this.kind = Kind.VISIT;
    }

    PointShareConversion(UUID shareId, String visitor, Kind kind, @Nullable UUID memberId, Instant now) {
        super(now);
        this.shareId = shareId;
        this.visitor = visitor;
        this.kind = kind;
        this.memberId = memberId;
    }

    Kind kind() { return kind; }
}
