package com.m4s.admin.group;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DealerGroupRepository extends JpaRepository<DealerGroup, String> {

    /** Groups whose name or code contains the text, optionally only one group. */
    @Query("""
            select g from DealerGroup g where (:only is null or g.code = :only)
              and (lower(g.name) like :text escape '\\' or g.code like :text escape '\\')""")
    Page<DealerGroup> search(@Param("only") @Nullable String only, @Param("text") String text, Pageable pageable);
}
