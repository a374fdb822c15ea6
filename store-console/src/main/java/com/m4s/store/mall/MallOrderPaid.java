package com.m4s.store.mall;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner paid in money for one mall order — the wallet, cash and the online part of its payment, less what
 * refunds gave back of those — in whole yuan, rounded down. Coupons and points are not money the owner paid: an
 * automatic point task rewarding a ratio of an order reads this (decision 0033), and reads it again when the order is
 * refunded in part to keep only what the rest still earns.
 */
@Component
public class MallOrderPaid {

    private final JdbcClient jdbc;

    MallOrderPaid(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Zero for an unknown order or one whose payment is not made (waiting for the online part, or failed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long yuan(UUID order) {
        Long yuan = jdbc.sql("select coalesce(floor((p.wallet_fen + p.cash_fen + p.online_fen - coalesce((select"
                + " sum(r.wallet_fen + r.cash_fen + r.online_fen) from payment_refund r where r.payment_id = p.id), 0))"
                + " / 100), 0)::bigint from mall_order o join payment p on p.id = o.payment_id where o.id = :order"
                + " and p.status in ('CONFIRMED', 'PARTLY_REFUNDED', 'REFUNDED')")
                .param("order", order).query(Long.class).optional().orElse(0L);
        return yuan == null ? 0 : yuan;
    }
}
