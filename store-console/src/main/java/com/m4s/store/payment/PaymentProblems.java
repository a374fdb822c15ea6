package com.m4s.store.payment;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment tables' constraints as problems (decision 0017): two payments of one order racing, a reused key. */
@Configuration(proxyBeanMethods = false)
class PaymentProblems {

    @Bean
    ConstraintProblems paymentConstraints() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("payment_key_uk", "payment-key-reused", null),
                ConstraintProblem.taken("payment_refund_key_uk", "payment-key-reused", null),
                ConstraintProblem.taken("payment_repair_order_uk", "repair-order-paid", "repairOrderId"));
    }
}
