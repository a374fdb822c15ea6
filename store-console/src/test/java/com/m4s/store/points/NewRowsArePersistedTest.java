package com.m4s.store.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.store.support.StoreConsoleTest;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.support.JpaEntityInformationSupport;

/**
 * A ledger's new rows are persisted as they are, never merged: Spring Data saves an entity it takes for new with
 * {@code persist} (one INSERT of that very object) and any other with {@code merge}, which copies every field into a
 * second object and leaves the caller's unmanaged (a change made to it after the save is lost). Every posting saves
 * an entry and a lot.
 */
class NewRowsArePersistedTest extends StoreConsoleTest {

    @Autowired
    EntityManager entityManager;

    @Test
    void aNewEntryAndANewLotAreTakenForNewAndAStoredOneIsNot() {
        Instant now = Instant.parse("2026-12-05T08:00:00Z");
        UUID member = UUID.randomUUID();
        PointsEntry entry = new PointsEntry(member, EntryKind.ADJUST, new Points.Deltas(10, 0, 0, 0),
                new Points.Source(SourceType.STAFF_ADJUSTMENT, null, null), "测试", null, null, null, "k", "h",
                "tester", now);
        PointsLot lot = new PointsLot(member, entry.id(), 10, null, null, now);

        assertThat(JpaEntityInformationSupport.getEntityInformation(PointsEntry.class, entityManager).isNew(entry))
                .isTrue();
        assertThat(JpaEntityInformationSupport.getEntityInformation(PointsLot.class, entityManager).isNew(lot))
                .isTrue();
    }
}
