package com.m4s.store.staff;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A person working in the store, as the store knows them; their login lives in Keycloak ({@code identityId}). */
@Entity
@Table(name = "staff")
class StaffMember extends BaseEntity {

    private String username;
    @Column(name = "display_name")
    private String displayName;
    private @Nullable String phone;
    @Enumerated(EnumType.STRING)
    private StaffRole role;
    private @Nullable String department;
    @Enumerated(EnumType.STRING)
    private StaffStatus status;
    @Column(name = "identity_id")
    private @Nullable String identityId;
    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    protected StaffMember() {
        this.username = "";
        this.displayName = "";
        this.role = StaffRole.STORE_STAFF;
        this.status = StaffStatus.PENDING;
    }

    StaffMember(Staff.Invitation invitation, Instant now) {
        super(now);
        this.username = invitation.username();
        this.displayName = invitation.displayName().strip();
        this.phone = invitation.phone();
        this.role = invitation.role();
        this.department = invitation.department();
        this.status = StaffStatus.PENDING;
    }

    void activated(String identityId, Instant now) {
        this.identityId = identityId;
        this.status = StaffStatus.ACTIVE;
        this.failureReason = null;
        touch(now);
    }

    void failed(String reason, Instant now) {
        this.status = StaffStatus.FAILED;
        this.failureReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        touch(now);
    }

    void setEnabled(boolean enabled, Instant now) {
        this.status = enabled ? StaffStatus.ACTIVE : StaffStatus.DISABLED;
        touch(now);
    }

    void change(StaffRole role, @Nullable String department, Instant now) {
        this.role = role;
        this.department = department;
        touch(now);
    }

    String username() {
        return username;
    }

    StaffRole role() {
        return role;
    }

    @Nullable String department() {
        return department;
    }

    StaffStatus status() {
        return status;
    }

    @Nullable String identityId() {
        return identityId;
    }

    Staff.StaffView view(@Nullable String initialPassword) {
        return new Staff.StaffView(id(), username, displayName, phone, role, department, status, failureReason,
                initialPassword, createdAt(), updatedAt(), version());
    }

}
