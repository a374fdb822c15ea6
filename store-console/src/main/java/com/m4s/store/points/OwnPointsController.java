package com.m4s.store.points;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's own points (PTS-1): balance with pending points, and history with the source of each entry. */
@RestController
@RequestMapping("/api/stores/{store}/me/points")
@Allow(Permission.OWN_POINTS_VIEW)
@Tag(name = "my-points", description = "An owner's own points (PTS-1)")
class OwnPointsController {

    private final Points points;
    private final PointsExpiryPolicies expiry;

    OwnPointsController(Points points, PointsExpiryPolicies expiry) {
        this.points = points;
        this.expiry = expiry;
    }

    /** Whether the owner is told before their points expire (their consent; yes until they say no). */
    record Reminders(boolean expiryReminders) {
    }

    @GetMapping("/reminders")
    @Operation(summary = "Whether I am told by SMS 30 days before my points expire (yes until I say no)")
    Reminders reminders(@PathVariable String store) {
        return new Reminders(expiry.expiryReminders(points.ownerMember(subject())));
    }

    @Allow(Permission.OWN_REMINDERS_SET)
    @org.springframework.web.bind.annotation.PutMapping("/reminders")
    @Operation(summary = "Turn my points expiry reminders on or off")
    Reminders setReminders(@PathVariable String store,
            @org.springframework.web.bind.annotation.RequestBody Reminders wanted) {
        return new Reminders(expiry.expiryReminders(points.ownerMember(subject()), wanted.expiryReminders()));
    }

    @GetMapping("/expiring")
    @Operation(summary = "My points that will expire if not spent first, by store day, soonest first")
    java.util.List<PointsExpiryPolicies.Expiring> expiring(@PathVariable String store) {
        return expiry.expiring(points.ownerMember(subject()), 12);
    }

    @GetMapping
    @Operation(summary = "My points: available, pending, lifetime earned, debt")
    Points.Balance balance(@PathVariable String store) {
        return points.balance(points.ownerMember(subject()));
    }

    @GetMapping("/entries")
    @Operation(summary = "My points history, newest first, with the source of each entry")
    PageResult<PointsHistory.EntryView> history(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return points.history(points.ownerMember(subject()),
                SqlPage.of(page, size, "createdAt,desc", PointsHistory.SORTABLE, PointsHistory.TIE_BREAKER));
    }

    private static String subject() {
        return Caller.current().orElseThrow().subject();
    }
}
