package com.m4s.store.repairorder;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the member paid themselves (客户帐) on one repair order, in whole yuan (rounded down), refunded lines excluded:
 * automatic point tasks rewarding a ratio of the order read it (decision 0033).
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
}
