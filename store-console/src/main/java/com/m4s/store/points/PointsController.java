package com.m4s.store.points;

import com.m4s.platform.idempotency.OneTransaction;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff's view of a member's points (PTS-1): balance, history with sources, adjustments and redemptions. */
@RestController
@RequestMapping("/api/stores/{store}/members/{memberId}/points")
@Allow(Permission.POINTS_VIEW)
@Tag(name = "points", description = "Members' points: balance, history, adjustments (PTS-1)")
class PointsController {

    private final Points points;
    private final PointsExpiryPolicies expiry;

    PointsController(Points points, PointsExpiryPolicies expiry) {
        this.points = points;
        this.expiry = expiry;
    }

    @GetMapping("/expiring")
    @Operation(summary = "The member's points that will expire if not spent first, by store day, soonest first")
    java.util.List<PointsExpiryPolicies.Expiring> expiring(@PathVariable String store, @PathVariable UUID memberId) {
        return expiry.expiring(memberId, 12);
    }

    @Allow(Permission.POINTS_ADJUST)
    @PostMapping("/entries/{entryId}/expiry-reversal")
    @Operation(summary = "Restore the points an expiry removed, with the reason: an ADJUST entry of exactly those"
            + " points, valid 90 store days; once per expiry (a second reversal answers the first if the same,"
            + " else 409 points-key-reused)")
    Points.Posted reverseExpiry(@PathVariable String store, @PathVariable UUID memberId, @PathVariable UUID entryId,
            @Valid @RequestBody PointsRequests.ExpiryReversal reversal) {
        return points.reverseExpiry(memberId, entryId, reversal.reason(), Caller.currentUsername());
    }

    @GetMapping
    @Operation(summary = "The member's points: available, pending (within the refund window), lifetime earned, debt")
    Points.Balance balance(@PathVariable String store, @PathVariable UUID memberId) {
        return points.balance(memberId);
    }

    @GetMapping("/entries")
    @Operation(summary = "The member's ledger entries, newest first, with the source and rule version of each")
    PageResult<PointsHistory.EntryView> history(@PathVariable String store, @PathVariable UUID memberId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return points.history(memberId,
                SqlPage.of(page, size, sort, PointsHistory.SORTABLE, PointsHistory.TIE_BREAKER));
    }

    @Allow(Permission.POINTS_ADJUST)
    @OneTransaction
    @PostMapping("/adjustments")
    @Operation(summary = "Add (positive) or deduct (negative) points by hand, with the reason; an addition pays"
            + " debt first; a deduction beyond the available points is 409 insufficient-points")
    Points.Posted adjust(@PathVariable String store, @PathVariable UUID memberId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PointsRequests.Adjustment adjustment) {
        return points.adjust(memberId, adjustment.points(), adjustment.reason(), ledgerKey("adjust", key),
                Caller.currentUsername());
    }

    @Allow(Permission.POINTS_REDEEM)
    @OneTransaction
    @PostMapping("/redemptions")
    @Operation(summary = "Spend available points; more than available is 409 insufficient-points")
    Points.Posted redeem(@PathVariable String store, @PathVariable UUID memberId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PointsRequests.Redemption redemption) {
        return points.redeem(memberId, redemption.points(), redemption.what(), ledgerKey("redeem", key),
                Caller.currentUsername());
    }

    /**
     * The ledger's key of a request: the caller's Idempotency-Key (so a repeat that reaches the ledger, e.g. after
     * the kept answer expired, still posts nothing twice), or a fresh one.
     */
    static String ledgerKey(String what, @Nullable String key) {
        return com.m4s.platform.idempotency.LedgerKeys.of(what, key);
    }
}
