package com.m4s.store.member;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VehicleRepository extends JpaRepository<Vehicle, UUID> {

    /** By VIN, normalized (upper case, no spaces). */
    Optional<Vehicle> findByVin(String vin);

    /** By plate, normalized. */
    Optional<Vehicle> findByPlate(String plate);
}
