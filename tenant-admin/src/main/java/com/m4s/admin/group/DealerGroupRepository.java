package com.m4s.admin.group;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DealerGroupRepository extends JpaRepository<DealerGroup, String> {

    @Query("select g from DealerGroup g where lower(g.name) like :text escape '\\' or g.code like :text escape '\\'")
    Page<DealerGroup> search(@Param("text") String text, Pageable pageable);
}
