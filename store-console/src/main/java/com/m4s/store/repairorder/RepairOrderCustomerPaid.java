package com.m4s.store.repairorder;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the member paid themselves (客户帐) on one repair order, in whole yuan (rounded down), refunded lines excluded:
 * automatic point tasks rewarding a ratio of the order read it (decision 0033); and whether an order is a member's
 * first settled one (the referral task's trigger).
 */
@Component
public class RepairOrderCustomerPaid {

    private final JdbcClient jdbc;

    RepairOrderCustomerPaid(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Zero for an unknown order or one without customer-paid lines. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long yuan(UUID repairOrder) {
        Long yuan = jdbc.sql("select coalesce(floor(sum(amount)), 0)::bigint from repair_order_line"
                + " where order_id = :order and account_type = 'CUSTOMER' and not refunded")
                .param("order", repairOrder).query(Long.class).single();
        return yuan == null ? 0 : yuan;
    }

    /**
     * Whether the order is settled and is the member's first settled repair order (earliest settlement time; the id
     * breaks a tie), whatever happened to it since: a referral rewards the first order (decision 0033).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstSettled(UUID repairOrder, UUID member) {
        return jdbc.sql("select count(*) from repair_order o where o.id = :order and o.member_id = :member"
                + " and o.settled_at is not null and not exists (select 1 from repair_order p"
                + " where p.member_id = :member and p.settled_at is not null and p.id <> o.id"
                + " and (p.settled_at, p.id) < (o.settled_at, o.id))")
                .param("order", repairOrder).param("member", member).query(Long.class).single() == 1;
    }
}
