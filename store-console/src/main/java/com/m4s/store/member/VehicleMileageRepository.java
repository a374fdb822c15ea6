package com.m4s.store.member;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VehicleMileageRepository extends JpaRepository<VehicleMileage, UUID> {

    Optional<VehicleMileage> findBySourceAndSourceId(MileageSource source, UUID sourceId);

    /** A vehicle's readings in the order they were read (ties: in the order they were recorded). */
    List<VehicleMileage> findByVehicleIdOrderByReadAtAscCreatedAtAsc(UUID vehicleId);
}
