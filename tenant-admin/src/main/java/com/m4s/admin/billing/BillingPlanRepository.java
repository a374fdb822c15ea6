package com.m4s.admin.billing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BillingPlanRepository extends JpaRepository<BillingPlan, String> {

    @Query("select p from BillingPlan p where p.active order by p.rank")
    List<BillingPlan> catalogue();

    @Query("select p from BillingPlan p where p.stripePriceId = :priceId")
    Optional<BillingPlan> byPrice(String priceId);
}
