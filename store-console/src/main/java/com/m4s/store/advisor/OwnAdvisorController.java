package com.m4s.store.advisor;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner's side: 我的顾问, their settled repair orders and rating an order's advisor. */
@RestController
@RequestMapping("/api/stores/{store}/me/advisor")
@Allow(Permission.OWN_RECORD_VIEW)
@Tag(name = "advisors", description = "Advisors, their customers, ratings and performance (MEM-3)")
class OwnAdvisorController {

    private final Advisors advisors;

    OwnAdvisorController(Advisors advisors) {
        this.advisors = advisors;
    }

    @GetMapping
    @Operation(summary = "The owner's advisor (我的顾问): name, phone, photo; 404 when they have none")
    AdvisorViews.MyAdvisor mine(@PathVariable String store) {
        return advisors.mine(subject());
    }

    @GetMapping("/orders")
    @Operation(summary = "The owner's settled repair orders, newest first, with their rating of each")
    List<AdvisorViews.RateableOrder> orders(@PathVariable String store) {
        return advisors.myOrders(subject());
    }

    @Allow(Permission.OWN_ADVISOR_RATE)
    @PostMapping("/orders/{orderId}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate the advisor of one of the owner's settled orders, 1–5 stars with an optional comment;"
            + " 422 for an order not theirs or not settled, 409 for a second rating")
    AdvisorViews.AdvisorRatingView rate(@PathVariable String store, @PathVariable UUID orderId,
            @Valid @RequestBody AdvisorViews.AdvisorRatingRequest request) {
        return advisors.rate(subject(), orderId, request);
    }

    private static String subject() {
        return Caller.current().orElseThrow().subject();
    }
}
