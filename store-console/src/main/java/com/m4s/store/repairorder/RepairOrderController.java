package com.m4s.store.repairorder;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Repair orders from the DMS (INT-1): batch upsert, and an order with the points each line produced. */
@RestController
@RequestMapping("/api/stores/{store}/repair-orders")
@Allow(Permission.REPAIR_ORDER_VIEW)
@Tag(name = "repair-orders", description = "Repair orders from the DMS and the points their lines earn (INT-1)")
class RepairOrderController {

    private final RepairOrderService service;
    private final DmsSettings settings;

    RepairOrderController(RepairOrderService service, DmsSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    /** The store's DMS import setting as a request sets it. */
    record SettingRequest(@NotNull UnknownCustomer unknownCustomer) {
    }

    @Allow(Permission.REPAIR_ORDER_IMPORT)
    @GetMapping("/import-settings")
    @Operation(summary = "The store's DMS import setting: an order whose customer matches no member (by phone, plate,"
            + " VIN) makes a new member (CREATE, the default) or is refused (REJECT)")
    DmsSettings.Setting importSettings(@PathVariable String store) {
        return settings.get();
    }

    @Allow(Permission.POINTS_RULES_MANAGE)
    @PutMapping("/import-settings")
    @Operation(summary = "Change the store's DMS import setting (managers: it decides who becomes a member)")
    DmsSettings.Setting changeImportSettings(@PathVariable String store, @Valid @RequestBody SettingRequest request) {
        return settings.change(request.unknownCustomer());
    }

    @Allow(Permission.REPAIR_ORDER_BATCH)
    @PostMapping("/batch")
    @Operation(summary = "Upsert orders as the DMS has them now, by DMS order number: a re-sent unchanged order"
            + " does nothing; a changed one is corrected (points by the difference), settled, refunded by line or"
            + " reversed; each order on its own, with its outcome (a refused one with its problem type). The store's"
            + " DMS calls it with a token of its own credential (docs/dms-integration.md)")
    RepairOrderViews.BatchResult upsert(@PathVariable String store,
            @Valid @RequestBody RepairOrderRequests.Batch batch) {
        return service.upsert(batch, Caller.currentUsername());
    }

    @GetMapping("/{repairOrderId}")
    @Operation(summary = "A repair order with its lines and the points each produced so far")
    RepairOrderViews.RepairOrderView get(@PathVariable String store, @PathVariable UUID repairOrderId) {
        return service.get(repairOrderId);
    }
}
