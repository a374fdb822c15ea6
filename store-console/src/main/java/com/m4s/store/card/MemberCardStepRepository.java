package com.m4s.store.card;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The steps of members' cards. */
interface MemberCardStepRepository extends JpaRepository<MemberCardStep, UUID> {

    @Query("select s from MemberCardStep s where s.cardId = :card order by s.createdAt desc, s.id desc")
    List<MemberCardStep> history(@Param("card") UUID card);
}
