package com.m4s.platform.entity;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** An entity keyed by a random UUID ({@code id}), with the bookkeeping of {@link TimestampedEntity}. */
@MappedSuperclass
public abstract class BaseEntity extends TimestampedEntity {

    @Id
    private UUID id;

    /** For JPA, which sets every field right after. */
    protected BaseEntity() {
        this.id = new UUID(0, 0);
    }

    /** A new entity with a fresh id, made at {@code now}. */
    protected BaseEntity(Instant now) {
        super(now);
        this.id = UUID.randomUUID();
    }

    public UUID id() {
        return id;
    }
}
