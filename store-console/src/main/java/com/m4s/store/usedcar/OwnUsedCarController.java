package com.m4s.store.usedcar;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.security.Caller;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Paging;
import com.m4s.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's side of consignment: my cars for sale (UCAR-1), edit and resubmit, withdraw. */
@RestController
@RequestMapping("/api/stores/{store}/me/used-cars")
@Tag(name = "my-used-cars", description = "An owner's own cars offered for sale (UCAR-1)")
class OwnUsedCarController {

    /** API sort keys and the entity's properties behind them (the owner's own cars are read through JPA). */
    static final Map<String, String> SORTABLE = Map.of("submittedAt", "submittedAt", "updatedAt", "updatedAt",
            "priceWishYuan", "priceWishYuan", "askingPriceYuan", "askingPriceYuan", "year", "year",
            "mileageKm", "mileageKm", "make", "make");

    private final UsedCarService cars;

    OwnUsedCarController(UsedCarService cars) {
        this.cars = cars;
    }

    @Allow(Permission.OWN_USED_CAR_MANAGE)
    @GetMapping
    @Operation(summary = "My submissions, newest first, in every state")
    PageResult<UsedCarViews.UsedCarView> list(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "submittedAt,desc") String sort) {
        return cars.listOwn(subject(), Paging.of(page, size, sort, SORTABLE, "id"));
    }

    @Allow(Permission.OWN_USED_CAR_MANAGE)
    @PostMapping
    @Operation(summary = "Offer my car for sale through the store")
    ResponseEntity<UsedCarViews.UsedCarView> submit(@PathVariable String store,
            @Valid @RequestBody UsedCarDetails car) {
        UsedCarViews.UsedCarView created = cars.submitAsOwner(subject(), car, Caller.currentUsername());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/me/used-cars/" + created.id()))
                .body(created);
    }

    @Allow(Permission.OWN_USED_CAR_MANAGE)
    @GetMapping("/{usedCarId}")
    @Operation(summary = "One of my submissions with the reviewer's note")
    UsedCarViews.UsedCarView get(@PathVariable String store, @PathVariable UUID usedCarId) {
        return cars.getOwn(subject(), usedCarId);
    }

    @Allow(Permission.OWN_USED_CAR_MANAGE)
    @PutMapping("/{usedCarId}")
    @Operation(summary = "Change my submission; after a change request this resubmits it for review",
            description = "Send If-Match with the car's version as read (\"4\"): if the store changed the car"
                    + " since, nothing is written and the answer is 409 concurrent-update.")
    UsedCarViews.UsedCarView edit(@PathVariable String store, @PathVariable UUID usedCarId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody UsedCarDetails car) {
        return cars.editOwn(subject(), usedCarId, Versions.ifMatch(ifMatch), car);
    }

    @Allow(Permission.OWN_USED_CAR_MANAGE)
    @PostMapping("/{usedCarId}/withdraw")
    @Operation(summary = "Take my car off sale")
    UsedCarViews.UsedCarView withdraw(@PathVariable String store, @PathVariable UUID usedCarId,
            @Valid @RequestBody UsedCarRequests.Withdrawal withdrawal) {
        return cars.withdrawOwn(subject(), usedCarId, withdrawal);
    }

    private static String subject() {
        return Caller.current().orElseThrow().subject();
    }
}
