package com.m4s.store.repairorder;

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
 * What members paid themselves (客户帐) on repair orders settled in a window, in whole yuan (rounded down), refunded
 * lines and reversed orders excluded: card levels measured on spend read it (decision 0031).
 */
@Component
public class RepairOrderSpend {

    private static final String FROM = " from repair_order o join repair_order_line l on l.order_id = o.id"
            + " where o.status in ('SETTLED', 'REFUNDED') and o.settled_at >= :since"
            + " and l.account_type = 'CUSTOMER' and not l.refunded";

    private final JdbcClient jdbc;

    RepairOrderSpend(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long customerPaidSince(UUID member, Instant since) {
        Long yuan = jdbc.sql("select coalesce(floor(sum(l.amount)), 0)::bigint" + FROM + " and o.member_id = :member")
                .param("member", member).param("since", Timestamp.from(since)).query(Long.class).single();
        return yuan == null ? 0 : yuan;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Long> customerPaidSinceByMember(Instant since) {
        Map<UUID, Long> spend = new HashMap<>();
        jdbc.sql("select o.member_id, floor(sum(l.amount))::bigint" + FROM + " group by o.member_id")
                .param("since", Timestamp.from(since))
                .query((ResultSet rs) -> {
                    spend.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return spend;
    }
}
