package com.m4s.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * An entity a keyed request made once (a ledger entry, a redemption): its idempotency key (unique in its table, so
 * the database refuses a second), the hash of the request that made it (a repeat with other content is refused), and
 * who made it.
 */
@MappedSuperclass
public abstract class KeyedEntity extends BaseEntity {

    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "request_hash")
    private String requestHash;
    @Column(name = "created_by")
    private String createdBy;

    /** For JPA, which sets every field right after. */
    protected KeyedEntity() {
        this.idempotencyKey = "";
        this.requestHash = "";
        this.createdBy = "";
    }

    protected KeyedEntity(String idempotencyKey, String requestHash, String createdBy, Instant now) {
        super(now);
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.createdBy = createdBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestHash() {
        return requestHash;
    }

    public String createdBy() {
        return createdBy;
    }
}
