package com.m4s.store.points;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points earned in a window, as card levels measure them (decision 0031): the sum of the earning entries' {@code
 * earned_delta} (grants, pending ones included, net of refunds, reversals and corrections) posted since a time;
 * redemptions and manual adjustments do not count.
 */
@Component
public class PointsEarned {

    private final JdbcClient jdbc;

    PointsEarned(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's points earned since {@code since}, never below zero. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long since(UUID member, Instant since) {
        Long earned = jdbc.sql("select coalesce(sum(earned_delta), 0) from points_entry"
                        + " where member_id = :member and created_at >= :since")
                .param("member", member).param("since", Timestamp.from(since)).query(Long.class).single();
        return Math.max(0, earned == null ? 0 : earned);
    }

    /** Every member's points earned since {@code since}, for the members that earned any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Long> sinceByMember(Instant since) {
        Map<UUID, Long> earned = new HashMap<>();
        jdbc.sql("select member_id, sum(earned_delta) from points_entry where created_at >= :since"
                        + " group by member_id having sum(earned_delta) > 0")
                .param("since", Timestamp.from(since))
                .query((ResultSet rs) -> {
                    earned.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return earned;
    }
}
