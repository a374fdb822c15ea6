package com.m4s.store.member;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, UUID> {

    java.util.Optional<Member> findByPhone(String phone);

    java.util.Optional<Member> findByOwnerSubject(String ownerSubject);

    /** The member owning the vehicle with this plate (normalized: upper case, no spaces). */
    @org.springframework.data.jpa.repository.Query("select v.member from Vehicle v where v.plate = :plate")
    java.util.Optional<Member> findByVehiclePlate(@org.springframework.data.repository.query.Param("plate") String plate);

    /** The member owning the vehicle with this VIN (normalized). */
    @org.springframework.data.jpa.repository.Query("select v.member from Vehicle v where v.vin = :vin")
    java.util.Optional<Member> findByVehicleVin(@org.springframework.data.repository.query.Param("vin") String vin);
}
