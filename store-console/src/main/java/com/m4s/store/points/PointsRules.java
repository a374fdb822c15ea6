package com.m4s.store.points;

import com.m4s.platform.money.Money;
import com.m4s.platform.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's dual points rules (PTS-4/5), versioned: a version is in force for orders settled from its
 * {@code validFrom} until the next version's; a version never changes, and a new one may not start in the past, so
 * points already granted never change with the rules. Points of a line are {@code floor(amount × rate)}.
 */
@Service
public class PointsRules {

    /** Points per yuan for each account type. */
    public record Rates(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal customer,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal warranty,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal internal,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal insurance) {

        public BigDecimal of(AccountType type) {
            return switch (type) {
                case CUSTOMER -> customer;
                case WARRANTY -> warranty;
                case INTERNAL -> internal;
                case INSURANCE -> insurance;
            };
        }
    }

    /** A new version of the rules. */
    public record NewRules(@NotNull @Valid Rates pointsPerYuan,
            @Min(0) @Max(90) int activationDelayDays,
            @Schema(description = "when the version takes effect; now when absent; never in the past")
            @Nullable Instant validFrom) {
    }

    /** A version of the rules as the API shows it. */
    public record RuleSetView(int ruleVersion, Rates pointsPerYuan,
            @Schema(description = "rounding of each line's points: always FLOOR") String rounding,
            int activationDelayDays, Instant validFrom, String createdBy, Instant createdAt) {

        static RuleSetView of(PointsRuleSet set) {
            return new RuleSetView(set.ruleVersion(), set.rates(), "FLOOR", set.activationDelayDays(),
                    set.validFrom(), set.createdBy(), set.createdAt());
        }
    }

    /** The rules a settlement uses: their version, and how to count a line. */
    public record Applied(int ruleVersion, Rates rates, Duration activationDelay) {

        /** A line's points: the amount in yuan times the account type's rate, rounded down. */
        public long pointsFor(AccountType type, Money amount) {
            return amount.amount().multiply(rates.of(type)).setScale(0, RoundingMode.FLOOR).longValueExact();
        }
    }

    private final PointsRuleSetRepository sets;
    private final Clock clock;

    PointsRules(PointsRuleSetRepository sets, Clock clock) {
        this.sets = sets;
        this.clock = clock;
    }

    /** The version in force now. */
    @Transactional(readOnly = true)
    public RuleSetView current() {
        return RuleSetView.of(inForce(clock.instant()));
    }

    /** Every version, newest first (the ones not yet in force too). */
    @Transactional(readOnly = true)
    public List<RuleSetView> versions() {
        return sets.findAllByOrderByRuleVersionDesc().stream().map(RuleSetView::of).toList();
    }

    /** The rules for an order settled at {@code settledAt}. */
    @Transactional(readOnly = true)
    public Applied at(Instant settledAt) {
        return applied(inForce(settledAt));
    }

    /** The rules of a given version (a correction of a settled order counts by the version it was settled with). */
    @Transactional(readOnly = true)
    public Applied version(int ruleVersion) {
        return applied(sets.findByRuleVersion(ruleVersion)
                .orElseThrow(() -> new IllegalStateException("no points rule version " + ruleVersion)));
    }

    /** A new version, numbered after the newest; two made at once: one wins, the other is 409. */
    @Transactional
    public RuleSetView create(NewRules rules, String createdBy) {
        Instant now = clock.instant();
        Instant validFrom = rules.validFrom() == null ? now : rules.validFrom();
        if (validFrom.isBefore(now)) {
            throw new ApiException.Unprocessable("points-rules-in-past", validFrom.toString()).field("validFrom");
        }
        int next = sets.findFirstByOrderByRuleVersionDesc().map(PointsRuleSet::ruleVersion).orElse(0) + 1;
        PointsRuleSet set = new PointsRuleSet(next, rules.pointsPerYuan(), rules.activationDelayDays(), validFrom,
                createdBy, now);
        sets.saveAndFlush(set);
        return RuleSetView.of(set);
    }

    private PointsRuleSet inForce(Instant at) {
        return sets.findFirstByValidFromLessThanEqualOrderByValidFromDescRuleVersionDesc(at)
                .orElseThrow(() -> new IllegalStateException("the store has no points rules in force at " + at));
    }

    private static Applied applied(PointsRuleSet set) {
        return new Applied(set.ruleVersion(), set.rates(), Duration.ofDays(set.activationDelayDays()));
    }
}
