package com.m4s.store.member;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A vehicle's odometer readings (HLT-3): for staff on the member page, for the owner in the owner app. */
@RestController
@Tag(name = "members", description = "Members and their vehicles")
class VehicleMileageController {

    private final MileageReadings mileage;

    VehicleMileageController(MileageReadings mileage) {
        this.mileage = mileage;
    }

    @Allow(Permission.MEMBER_VIEW)
    @GetMapping("/api/stores/{store}/members/{memberId}/vehicles/{vehicleId}/mileage")
    @Operation(summary = "The vehicle's odometer readings, newest first: each from its repair order (DMS number), read"
            + " when the order was opened; rollback marks a reading lower than the one before it")
    List<MemberViews.MileageReadingView> history(@PathVariable String store, @PathVariable UUID memberId,
            @PathVariable UUID vehicleId) {
        return mileage.history(memberId, vehicleId);
    }

    @Allow(Permission.OWN_RECORD_VIEW)
    @GetMapping("/api/stores/{store}/me/vehicles/{vehicleId}/mileage")
    @Operation(summary = "The owner's own vehicle's odometer readings, newest first")
    List<MemberViews.MileageReadingView> own(@PathVariable String store, @PathVariable UUID vehicleId) {
        return mileage.ownerHistory(Caller.current().orElseThrow().subject(), vehicleId);
    }
}
