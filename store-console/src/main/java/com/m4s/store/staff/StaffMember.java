package com.m4s.store.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person working in the store, as the store knows them; their login lives in Keycloak ({@code identityId}). */
@Entity
@Table(name = "staff")
class StaffMember {

    @Id
    private UUID id;
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
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected StaffMember() {
        this.id = new UUID(0, 0);
        this.username = "";
        this.displayName = "";
        this.role = StaffRole.STORE_STAFF;
        this.status = StaffStatus.PENDING;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    StaffMember(Staff.Invitation invitation, Instant now) {
        this.id = UUID.randomUUID();
        this.username = invitation.username();
        this.displayName = invitation.displayName().strip();
        this.phone = invitation.phone();
        this.role = invitation.role();
        this.department = invitation.department();
        this.status = StaffStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void activated(String identityId, Instant now) {
        this.identityId = identityId;
        this.status = StaffStatus.ACTIVE;
        this.failureReason = null;
        this.updatedAt = now;
    }

    void failed(String reason, Instant now) {
        this.status = StaffStatus.FAILED;
        this.failureReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.updatedAt = now;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.status = enabled ? StaffStatus.ACTIVE : StaffStatus.DISABLED;
        this.updatedAt = now;
    }

    void change(StaffRole role, @Nullable String department, Instant now) {
        this.role = role;
        this.department = department;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
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
        return new Staff.StaffView(id, username, displayName, phone, role, department, status, failureReason,
                initialPassword, createdAt, updatedAt, version);
    }

    long version() {
        return version;
    }
}
