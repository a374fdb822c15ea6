package com.m4s.admin.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "dealer_group")
class DealerGroup {

    @Id
    private String code;
    private String name;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected DealerGroup() {
        this.code = "";
        this.name = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    DealerGroup(String code, String name, Instant now) {
        this.code = code;
        this.name = name.strip();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String name, Instant now) {
        this.name = name.strip();
        this.updatedAt = now;
    }

    DealerGroups.GroupView view() {
        return new DealerGroups.GroupView(code, name, createdAt, updatedAt);
    }

    String code() {
        return code;
    }
}
