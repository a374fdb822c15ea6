package com.m4s.store.repairorder;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** The store's DMS import setting; one row at most (none: the defaults). */
@Entity
@Table(name = "dms_setting")
class DmsSetting extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "unknown_customer")
    private UnknownCustomer unknownCustomer;

    protected DmsSetting() {
        // for JPA, which sets every field right after
        this.unknownCustomer = UnknownCustomer.CREATE;
    }

    DmsSetting(UnknownCustomer unknownCustomer, Instant now) {
        super(now);
        this.unknownCustomer = unknownCustomer;
    }

    void change(UnknownCustomer unknownCustomer, Instant now) {
        this.unknownCustomer = unknownCustomer;
        touch(now);
    }

    UnknownCustomer unknownCustomer() {
        return unknownCustomer;
    }
}
