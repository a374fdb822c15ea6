package com.m4s.store.card;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The store's one card policy row. */
interface CardPolicyRepository extends JpaRepository<CardPolicy, UUID> {
}
