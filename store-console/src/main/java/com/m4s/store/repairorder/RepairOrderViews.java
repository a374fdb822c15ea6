package com.m4s.store.repairorder;

import com.m4s.platform.money.Money;
import com.m4s.store.points.AccountType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API answers about repair orders. */
public final class RepairOrderViews {

    private RepairOrderViews() {
    }

    /** What became of one order of a batch. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    /** One order's result; a rejected order names the problem type and the field. */
    public record OrderResult(String dmsNumber, Outcome outcome, @Nullable UUID repairOrderId,
            @Nullable RepairOrderStatus status, @Nullable String problem, @Nullable String detail,
            @Schema(description = "for an order without a member id: how its member was found (PHONE, PLATE, VIN) or"
                    + " that it was made (CREATED)") @Nullable String memberMatchedBy) {
    }

    public record BatchResult(List<OrderResult> orders) {
    }

    /** A line with the points it produced so far (after refunds and corrections). */
    record LineView(UUID id, int lineNo, LineKind kind, String description, @Nullable String partNumber,
            BigDecimal quantity, Money amount, AccountType accountType, boolean refunded, long points) {
    }

    record RepairOrderView(UUID id, String dmsNumber, UUID memberId, RepairOrderStatus status,
            @Nullable String plate, @Nullable String vin, @Nullable String advisor, @Nullable Integer mileageKm,
            Instant openedAt, @Nullable Instant settledAt, @Nullable Integer ruleVersion,
            @Nullable Instant pointsActivateAt, List<LineView> lines, long version) {

        static RepairOrderView of(RepairOrder o, List<RepairOrderLine> lines, Map<UUID, Long> points) {
            return new RepairOrderView(o.id(), o.dmsNumber(), o.memberId(), o.status(), o.plate(), o.vin(),
                    o.advisor(), o.mileageKm(), o.openedAt(), o.settledAt(), o.ruleVersion(), o.pointsActivateAt(),
                    lines.stream().map(l -> new LineView(l.id(), l.lineNo(), l.kind(), l.description(),
                            l.partNumber(), l.quantity(), l.amount(), l.accountType(), l.refunded(),
                            points.getOrDefault(l.id(), 0L))).toList(), o.version());
        }
    }
}
