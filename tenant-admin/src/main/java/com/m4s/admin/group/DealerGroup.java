package com.m4s.admin.group;

import com.m4s.platform.entity.TimestampedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "dealer_group")
class DealerGroup extends TimestampedEntity {

    @Id
    private String code;
    private String name;

    protected DealerGroup() {
        this.code = "";
        this.name = "";
    }

    DealerGroup(String code, String name, Instant now) {
        super(now);
        this.code = code;
        this.name = name.strip();
    }

    void rename(String name, Instant now) {
        this.name = name.strip();
        touch(now);
    }

    DealerGroups.GroupView view() {
        return new DealerGroups.GroupView(code, name, createdAt(), updatedAt());
    }

    String code() {
        return code;
    }
}
