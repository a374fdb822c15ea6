package com.m4s.store.usedcar;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The member who consigned a car (the events carry no person): automatic point tasks reward them on its sale. */
@Component
public class UsedCarSeller {

    private final JdbcClient jdbc;

    UsedCarSeller(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seller's member id; empty for an unknown car. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> memberOf(UUID usedCar) {
        return jdbc.sql("select member_id from used_car where id = :car").param("car", usedCar)
                .query(UUID.class).optional();
    }

    /** Whether the car is listed for sale now (a share link may point to it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean listed(UUID usedCar) {
        return jdbc.sql("select count(*) from used_car where id = :car and status = 'LISTED'").param("car", usedCar)
                .query(Long.class).single() > 0;
    }
}
