package com.m4s.platform.entity;

import com.m4s.platform.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Optional;

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

    /**
     * What a keyed request finds made under its key earlier ({@code earlier}, looked up by the key): the same when it
     * was made for this very request (its hash {@code hash}), for the caller to answer with instead of doing the work
     * again; empty when nothing was; 409 {@code problem} naming the key when it was made for another request.
     */
    public static <T extends KeyedEntity> Optional<T> sameRequest(Optional<T> earlier, String hash, String problem,
            String key) {
        if (earlier.isPresent() && !earlier.get().requestHash().equals(hash)) {
            throw new ApiException.Conflict(problem, key);
        }
        return earlier;
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
