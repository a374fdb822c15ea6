package com.m4s.store.member;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberRepository extends JpaRepository<Member, UUID> {

    java.util.Optional<Member> findByPhone(String phone);

    java.util.Optional<Member> findByOwnerSubject(String ownerSubject);

    /** Name contains the text (any case), phone contains the digits, or one of the member's plates contains it. */
    @Query(value = """
            select m from Member m
            where lower(m.name) like :text escape '\\' or m.phone like :text escape '\\'
               or exists (select 1 from Vehicle v where v.member = m and v.plate like :plate escape '\\')""",
            countQuery = """
            select count(m) from Member m
            where lower(m.name) like :text escape '\\' or m.phone like :text escape '\\'
               or exists (select 1 from Vehicle v where v.member = m and v.plate like :plate escape '\\')""")
    Page<Member> search(@Param("text") String text, @Param("plate") String plate, Pageable pageable);

    interface PlateRow {
        UUID getMemberId();

        String getPlate();
    }

    @Query("select v.member.id as memberId, v.plate as plate from Vehicle v where v.member.id in :ids order by v.createdAt")
    List<PlateRow> platesOf(@Param("ids") Collection<UUID> ids);
}
