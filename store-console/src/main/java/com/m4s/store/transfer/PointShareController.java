package com.m4s.store.transfer;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Open;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Share links (分享得积分, PTS-6): the owner makes one; a visit of it by a new browser is a conversion. */
@RestController
@Validated
@Tag(name = "point-shares", description = "Owners' share links and their conversions (PTS-6)")
class PointShareController {

    /** The owner's request for a link: of a listed used car, or of the store without one. */
    record ShareRequest(@Nullable UUID usedCarId,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]*") @Nullable String visitor) {
    }

    /** A visit of a link: the visiting browser's own random id. */
    record ShareVisitRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String visitor) {
    }

    private final PointShares shares;

    PointShareController(PointShares shares) {
        this.shares = shares;
    }

    @Allow(Permission.OWN_SHARE)
    @PostMapping("/api/stores/{store}/me/shares")
    @Operation(summary = "My share link for a listed used car (or the store, without usedCarId), made the first"
            + " time; visitor is my own browser's id, whose visits never convert; 422 point-share-car-not-listed")
    PointShares.ShareLink share(@PathVariable String store, @Valid @RequestBody ShareRequest request) {
        return shares.share(Caller.current().orElseThrow().subject(), request.usedCarId(), request.visitor());
    }

    @Open("a share link is opened by people who have no login yet; a first visit by a browser is a conversion")
    @PostMapping("/api/stores/{store}/shares/{token}/visits")
    @Operation(summary = "A browser opened a share link: what it shows, and whether the visit converted (a browser"
            + " other than the sharer's, the first time)")
    PointShares.ShareVisit visit(@PathVariable String store,
            @PathVariable @Pattern(regexp = "[0-9a-f]{24}") String token,
            @Valid @RequestBody ShareVisitRequest request) {
        return shares.visit(token, request.visitor());
    }
}
