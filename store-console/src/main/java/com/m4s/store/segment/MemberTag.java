package com.m4s.store.segment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tag given to a member: written and deleted through Hibernate, so the audit trail records who tagged whom. */
@Entity
@Table(name = "member_tag")
class MemberTag extends BaseEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "tag_id")
    private UUID tagId;
    @Column(name = "created_by")
    private String createdBy;

    protected MemberTag() {
        this.memberId = new UUID(0, 0);
        this.tagId = new UUID(0, 0);
        this.createdBy = "";
    }

    MemberTag(UUID memberId, UUID tagId, String createdBy, Instant now) {
        super(now);
        this.memberId = memberId;
        this.tagId = tagId;
        this.createdBy = createdBy;
    }

    UUID memberId() { return memberId; }
    UUID tagId() { return tagId; }
}
