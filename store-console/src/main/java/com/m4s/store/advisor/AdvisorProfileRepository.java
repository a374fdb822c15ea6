package com.m4s.store.advisor;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AdvisorProfileRepository extends JpaRepository<AdvisorProfile, UUID> {

    Optional<AdvisorProfile> findByUsername(String username);

    List<AdvisorProfile> findByDmsNameAndActiveTrue(String dmsName);

    /** Which of these photos a profile shows, for the photo cleanup. */
    @Query(value = "select cast(photo_id as text) from advisor_profile where photo_id in (:ids)", nativeQuery = true)
    List<String> photosAmong(@Param("ids") Collection<UUID> ids);
}
