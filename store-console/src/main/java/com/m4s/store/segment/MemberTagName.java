package com.m4s.store.segment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One of the store's tags (a free text, unique in the store), made the first time staff give it to a member. */
@Entity
@Table(name = "member_tag_name")
class MemberTagName extends BaseEntity {

    private String name;
    @Column(name = "created_by")
    private String createdBy;

    protected MemberTagName() {
        this.name = "";
        this.createdBy = "";
    }

    MemberTagName(String name, String createdBy, Instant now) {
        super(now);
        this.name = name;
        this.createdBy = createdBy;
    }

    String name() { return name; }
}
