package com.m4s.platform.tenancy;

import java.util.Optional;

/** Where a service looks up the stores it serves. */
public interface TenantRegistry {

    /** ACTIVE serves requests; SUSPENDED is refused; UNAVAILABLE could not be migrated and waits for an operator. */
    enum Status { ACTIVE, SUSPENDED, UNAVAILABLE }

    record Entry(Tenant tenant, Status status) {
    }

    Optional<Entry> find(String storeCode);
}
