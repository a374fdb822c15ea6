package com.m4s.store.photo;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PhotoRepository extends JpaRepository<Photo, UUID> {

    /**
     * The photos with these ids, locked for share until the transaction ends: a form that attaches them holds them
     * against the cleanup, which locks the rows it deletes (see {@link #lockOlderThan}).
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select p from Photo p where p.id in :ids")
    List<Photo> lockForAttaching(@Param("ids") Collection<UUID> ids);

    /**
     * The next photos uploaded before {@code before}, after the cursor ({@code createdAt}, {@code id}) in that order,
     * locked for the cleanup; rows a form holds right now are skipped (the next sweep looks again).
     */
    @Query(value = "select * from photo where created_at < :before and (created_at, id) > (:afterAt, :afterId)"
            + " order by created_at, id limit :limit for update skip locked", nativeQuery = true)
    List<Photo> lockOlderThan(@Param("before") Instant before, @Param("afterAt") Instant afterAt,
            @Param("afterId") UUID afterId, @Param("limit") int limit);
}
