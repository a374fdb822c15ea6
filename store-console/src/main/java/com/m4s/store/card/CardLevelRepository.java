package com.m4s.store.card;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The store's card levels. */
interface CardLevelRepository extends JpaRepository<CardLevel, UUID> {

    @Query("select l from CardLevel l order by l.rank")
    List<CardLevel> ranked();
}
