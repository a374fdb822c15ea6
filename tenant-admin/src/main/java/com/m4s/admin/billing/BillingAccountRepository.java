package com.m4s.admin.billing;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BillingAccountRepository extends JpaRepository<BillingAccount, String> {

    /** The group's account, locked until the transaction ends: one change of a group's billing at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from BillingAccount a where a.groupCode = :group")
    Optional<BillingAccount> lock(@Param("group") String group);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from BillingAccount a where a.stripeCustomerId = :customer")
    Optional<BillingAccount> lockByCustomer(@Param("customer") String customer);

    @Query("select a.groupCode from BillingAccount a where a.status = com.m4s.admin.billing.BillingStatus.PAST_DUE"
            + " and a.pastDueSince <= :before order by a.groupCode")
    List<String> pastDueSince(@Param("before") Instant before);

    @Query("select a.groupCode from BillingAccount a where a.stripeSubscriptionId is not null and a.status in"
            + " (com.m4s.admin.billing.BillingStatus.TRIALING, com.m4s.admin.billing.BillingStatus.ACTIVE,"
            + " com.m4s.admin.billing.BillingStatus.PAST_DUE, com.m4s.admin.billing.BillingStatus.READ_ONLY)"
            + " order by a.groupCode")
    List<String> subscribed();
}
