package com.m4s.store.member;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, UUID> {

    java.util.Optional<Member> findByPhone(String phone);

    java.util.Optional<Member> findByOwnerSubject(String ownerSubject);
}
