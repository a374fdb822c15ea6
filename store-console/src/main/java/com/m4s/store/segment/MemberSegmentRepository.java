package com.m4s.store.segment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberSegmentRepository extends JpaRepository<MemberSegment, UUID> {

    Optional<MemberSegment> findByName(String name);
}
