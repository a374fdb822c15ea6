package com.m4s.store.repairorder.credential;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The store's DMS credential as the store knows it: the Keycloak client ({@code m4s-dms-<store>}), who made it and
 * when, the last rotation of its secret and who did it, its revocation. Never the secret, which only Keycloak keeps.
 * {@code keyId} is the value of the claim its tokens carry since the last creation or rotation: a token with
 * another one was issued with an earlier secret.
 */
@Entity
@Table(name = "dms_credential")
class DmsCredential extends BaseEntity {

    @Column(name = "client_id")
    private String clientId;
    @Column(name = "key_id")
    private String keyId;
    @Enumerated(EnumType.STRING)
    private DmsCredentialStatus status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "rotated_at")
    private @Nullable Instant rotatedAt;
    @Column(name = "rotated_by")
    private @Nullable String rotatedBy;
    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;
    @Column(name = "revoked_by")
    private @Nullable String revokedBy;

    protected DmsCredential() {
        // for JPA, which sets every field right after
        this.clientId = "";
        this.keyId = "";
        this.status = DmsCredentialStatus.ACTIVE;
        this.createdBy = "";
    }

    DmsCredential(String clientId, String keyId, String createdBy, Instant now) {
        super(now);
        this.clientId = clientId;
        this.keyId = keyId;
        this.status = DmsCredentialStatus.ACTIVE;
        this.createdBy = createdBy;
    }

    void rotated(String keyId, String by, Instant now) {
        this.keyId = keyId;
        this.rotatedAt = now;
        this.rotatedBy = by;
        touch(now);
    }

    void revoked(String by, Instant now) {
        this.status = DmsCredentialStatus.REVOKED;
        this.revokedAt = now;
        this.revokedBy = by;
        touch(now);
    }

    String clientId() {
        return clientId;
    }

    String keyId() {
        return keyId;
    }

    DmsCredentialStatus status() {
        return status;
    }

    String createdBy() {
        return createdBy;
    }

    @Nullable Instant rotatedAt() {
        return rotatedAt;
    }

    @Nullable String rotatedBy() {
        return rotatedBy;
    }

    @Nullable Instant revokedAt() {
        return revokedAt;
    }

    @Nullable String revokedBy() {
        return revokedBy;
    }
}
