package com.m4s.store.segment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberTagNameRepository extends JpaRepository<MemberTagName, UUID> {

    Optional<MemberTagName> findByName(String name);

    List<MemberTagName> findByNameIn(Collection<String> names);
}
