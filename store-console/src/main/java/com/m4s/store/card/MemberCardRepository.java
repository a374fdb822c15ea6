package com.m4s.store.card;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Members' cards. */
interface MemberCardRepository extends JpaRepository<MemberCard, UUID> {

    Optional<MemberCard> findByMemberId(UUID memberId);

    /** The member's card, locked until the transaction ends: a card's steps are serial. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from MemberCard c where c.memberId = :member")
    Optional<MemberCard> lock(@Param("member") UUID member);
}
