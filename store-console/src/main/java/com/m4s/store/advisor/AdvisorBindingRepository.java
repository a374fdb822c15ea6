package com.m4s.store.advisor;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import jakarta.persistence.LockModeType;

interface AdvisorBindingRepository extends JpaRepository<AdvisorBinding, UUID> {

    /** An advisor's customers, locked for a move, in member id order (so two moves lock in the same order). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from AdvisorBinding b where b.advisor = :advisor order by b.id")
    List<AdvisorBinding> lockByAdvisor(@Param("advisor") String advisor);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from AdvisorBinding b where b.id in :ids order by b.id")
    List<AdvisorBinding> lockAll(@Param("ids") Collection<UUID> ids);
}
