package com.m4s.store.usedcar;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UsedCarRepository extends JpaRepository<UsedCar, UUID> {

    Page<UsedCar> findByStatusIn(Collection<UsedCarStatus> statuses, Pageable pageable);

    /** Cars in the given states whose make, model or city contains the text (a LIKE pattern from {@code Like}). */
    @Query("""
            select c from UsedCar c where c.status in :statuses
            and (lower(c.make) like :text escape '\\' or lower(c.model) like :text escape '\\'
                 or lower(c.city) like :text escape '\\')""")
    Page<UsedCar> search(@Param("statuses") Collection<UsedCarStatus> statuses, @Param("text") String text,
            Pageable pageable);

    Page<UsedCar> findByMemberId(UUID memberId, Pageable pageable);

    /** A page of every car of the store by id, for rebuilding the search index. */
    @Query("select c from UsedCar c where c.id > :after order by c.id")
    java.util.List<UsedCar> after(@Param("after") UUID after, Pageable limit);
}
