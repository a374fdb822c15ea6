package com.m4s.store.segment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberTagRepository extends JpaRepository<MemberTag, UUID> {

    List<MemberTag> findByMemberId(UUID memberId);

    boolean existsByMemberIdAndTagId(UUID memberId, UUID tagId);
}
