package com.m4s.store.points;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One version of the store's points expiry policy (PTS-6): it applies to points that become available from its
 * making on; a version never changes, a change is a new version. No version: points never expire.
 */
@Entity
@Immutable
@Table(name = "points_expiry_policy")
class PointsExpiryPolicy extends BaseEntity {

    @Column(name = "policy_version")
    private int policyVersion;
    @Enumerated(EnumType.STRING)
    private ExpiryPolicyKind kind;
    private @Nullable Integer months;
    @Column(name = "created_by")
    private String createdBy;

    protected PointsExpiryPolicy() {
        // for JPA, which sets every field right after
        this.kind = ExpiryPolicyKind.NEVER;
        this.createdBy = "";
    }

    PointsExpiryPolicy(int policyVersion, ExpiryPolicyKind kind, @Nullable Integer months, String createdBy,
            Instant now) {
        super(now);
        this.policyVersion = policyVersion;
        this.kind = kind;
        this.months = months;
        this.createdBy = createdBy;
    }

    int policyVersion() { return policyVersion; }
    ExpiryPolicyKind kind() { return kind; }
    @Nullable Integer months() { return months; }
    String createdBy() { return createdBy; }
}
