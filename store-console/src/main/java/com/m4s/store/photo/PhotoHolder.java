package com.m4s.store.photo;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A feature that keeps photo references (used cars now; products and gifts later), as a bean of that feature. The
 * cleanup job ({@link PhotoCleanup}) deletes only photos that no holder names, so a feature that starts keeping
 * photos declares one holder and nothing else. A reference counts whatever the state of its record (a rejected,
 * withdrawn or sold car keeps its pictures).
 */
public interface PhotoHolder {

    /**
     * Which of {@code photos} the current store's records of this feature reference. Runs inside the cleanup's
     * transaction, as the store's tenant; it should be one query, however many records the store has.
     */
    Set<UUID> referenced(Collection<UUID> photos);
}
