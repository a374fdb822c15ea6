package com.m4s.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When an entity was made and last changed ({@code created_at}, {@code updated_at}) and its optimistic-lock
 * {@code version}, for entities whose key is their own (a code). The times come from the caller's injected
 * {@link java.time.Clock}: constructors and changes take the instant as a parameter. Accessors are not final, so
 * lazy proxies answer them from the loaded row.
 */
@MappedSuperclass
public abstract class TimestampedEntity {

    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /**
     * Null until the row is first written: for an entity keyed by its own code, Spring Data takes one with a null
     * version as new and persists it (one INSERT, refused by the key's constraint when another transaction got there
     * first) instead of merging it (a SELECT, then an UPDATE of a row another transaction committed meanwhile).
     * {@link BaseEntity} tells Spring Data itself (immutable entities are not versioned by Hibernate).
     */
    @Version
    private @Nullable Long version;

    /** For JPA, which sets every field right after. */
    protected TimestampedEntity() {
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    protected TimestampedEntity(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records a change made at {@code now}. */
    protected void touch(Instant now) {
        this.updatedAt = now;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The version the row had when it was read; the entity tag of {@code If-Match}. */
    public long version() {
        return version == null ? 0 : version;
    }
}
