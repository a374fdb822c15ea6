package com.m4s.platform.entity;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An entity keyed by a random UUID ({@code id}), with the bookkeeping of {@link TimestampedEntity}.
 *
 * <p>It tells Spring Data itself whether it is new ({@link Persistable}): made by its constructor and not yet
 * written. Spring Data persists a new entity (that very object, one INSERT) and merges any other, which copies every
 * field into a second object and leaves the caller's unmanaged. Its own guess (a null version) failed for immutable
 * entities, which Hibernate does not version: every ledger entry was merged.
 */
@MappedSuperclass
public abstract class BaseEntity extends TimestampedEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    /** Made by a constructor of the domain and not yet written (JPA's own loads leave it false). */
    @Transient
    private boolean unsaved;

    /** For JPA, which sets every field right after. */
    protected BaseEntity() {
        this.id = new UUID(0, 0);
    }

    /** A new entity with a fresh id, made at {@code now}. */
    protected BaseEntity(Instant now) {
        super(now);
        this.id = UUID.randomUUID();
        this.unsaved = true;
    }

    public UUID id() {
        return id;
    }

    /** The id, for Spring Data ({@link #id()} is the domain's accessor). */
    @Override
    public UUID getId() {
        return id;
    }

    /** Whether the entity was made here and is not written yet, for Spring Data: persisted, not merged. */
    @Override
    public boolean isNew() {
        return unsaved;
    }

    @PostPersist
    void written() {
        unsaved = false;
    }
}
