package com.m4s.store.repairorder.credential;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DmsCredentialRepository extends JpaRepository<DmsCredential, UUID> {

    /** The credential in force, if any (at most one: {@code dms_credential_active_uk}). */
    @Query("select c from DmsCredential c"
            + " where c.status = com.m4s.store.repairorder.credential.DmsCredentialStatus.ACTIVE")
    Optional<DmsCredential> active();

    /** The last credential made, active or revoked. */
    Optional<DmsCredential> findFirstByOrderByCreatedAtDesc();
}
