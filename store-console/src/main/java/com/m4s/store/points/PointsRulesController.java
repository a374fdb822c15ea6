package com.m4s.store.points;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import com.m4s.platform.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The store's dual points rules (PTS-4/5): the version in force, every version, and publishing a new one. */
@RestController
@RequestMapping("/api/stores/{store}/points/rules")
@Allow(Permission.POINTS_RULES_VIEW)
@Tag(name = "points-rules", description = "Dual points rules by account type, versioned (PTS-4/5)")
class PointsRulesController {

    private final PointsRules rules;
    private final PointsExpiryPolicies expiry;

    PointsRulesController(PointsRules rules, PointsExpiryPolicies expiry) {
        this.rules = rules;
        this.expiry = expiry;
    }

    @GetMapping("/expiry-policy")
    @Operation(summary = "The points expiry policy in force (version 0: points never expire; send the version as"
            + " If-Match to change it)")
    PointsExpiryPolicies.PolicyView expiryPolicy(@PathVariable String store) {
        return expiry.current();
    }

    @Allow(Permission.POINTS_RULES_MANAGE)
    @PutMapping("/expiry-policy")
    @Operation(summary = "Change the expiry policy: a new version for points that become available from now on;"
            + " points already available keep their expiry date; If-Match with the version read (409"
            + " concurrent-update when changed since)")
    PointsExpiryPolicies.PolicyView changeExpiryPolicy(@PathVariable String store,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PointsExpiryPolicies.NewPolicy policy) {
        return expiry.change(policy, Versions.ifMatch(ifMatch), Caller.currentUsername());
    }

    @GetMapping
    @Operation(summary = "The rules in force now")
    PointsRules.RuleSetView current(@PathVariable String store) {
        return rules.current();
    }

    @GetMapping("/versions")
    @Operation(summary = "Every version of the rules, newest first")
    List<PointsRules.RuleSetView> versions(@PathVariable String store) {
        return rules.versions();
    }

    @Allow(Permission.POINTS_RULES_MANAGE)
    @PostMapping("/versions")
    @Operation(summary = "Publish a new version: it applies to orders settled from its validFrom (now or later);"
            + " points already granted keep the version they were granted by")
    ResponseEntity<PointsRules.RuleSetView> create(@PathVariable String store,
            @Valid @RequestBody PointsRules.NewRules newRules) {
        PointsRules.RuleSetView created = rules.create(newRules, Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/points/rules/versions")).body(created);
    }
}
