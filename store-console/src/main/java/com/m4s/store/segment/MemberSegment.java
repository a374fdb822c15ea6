package com.m4s.store.segment;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A saved segment: a name and its rules as JSON (validated before they are written, {@link SegmentRules}). */
@Entity
@Table(name = "member_segment")
class MemberSegment extends BaseEntity {

    private String name;
    private String rules;
    @Column(name = "created_by")
    private String createdBy;

    protected MemberSegment() {
        this.name = "";
        this.rules = "[]";
        this.createdBy = "";
    }

    MemberSegment(String name, String rules, String createdBy, Instant now) {
        super(now);
        this.name = name;
        this.rules = rules;
        this.createdBy = createdBy;
    }

    void change(String name, String rules, Instant now) {
        this.name = name;
        this.rules = rules;
        touch(now);
    }

    String name() { return name; }
    String rules() { return rules; }
    String createdBy() { return createdBy; }
}
