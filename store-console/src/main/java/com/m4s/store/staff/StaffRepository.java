package com.m4s.store.staff;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffRepository extends JpaRepository<StaffMember, UUID> {

    @Query("select s from StaffMember s where lower(s.username) like :text escape '\\'"
            + " or lower(s.displayName) like :text escape '\\'")
    Page<StaffMember> search(@Param("text") String text, Pageable pageable);
}
