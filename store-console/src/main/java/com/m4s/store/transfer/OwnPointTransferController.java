package com.m4s.store.transfer;

import com.m4s.platform.idempotency.OneTransaction;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An owner transfers their available points to another member of the store (积分转赠, PTS-6). */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me/point-transfers")
@Allow(Permission.OWN_POINTS_TRANSFER)
@Tag(name = "my-point-transfers", description = "An owner's point transfers to other members (PTS-6)")
class OwnPointTransferController {

    private final PointTransfers transfers;

    OwnPointTransferController(PointTransfers transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/limits")
    @Operation(summary = "The store's limits for me today: on/off, minimum, daily maximum, what is left of it, and"
            + " my available points")
    PointTransferViews.OwnTransferLimits limits(@PathVariable String store) {
        return transfers.limits(subject());
    }

    @GetMapping("/recipient")
    @Operation(summary = "Who a phone belongs to, masked (张*, 138****0002), for the confirmation; 422"
            + " point-transfer-recipient-unknown, point-transfer-self")
    PointTransferViews.TransferRecipient recipient(@PathVariable String store,
            @RequestParam @Pattern(regexp = "1\\d{10}", message = "{validation.phone}") String phone) {
        return transfers.recipient(subject(), phone);
    }

    @OneTransaction
    @PostMapping
    @Operation(summary = "Transfer available points (never pending ones) to the member with the phone; send an"
            + " Idempotency-Key", description = "422 point-transfer-recipient-unknown (nobody of this store),"
            + " point-transfer-self, point-transfer-below-minimum, point-transfer-daily-maximum; 409"
            + " insufficient-points, point-transfers-disabled.")
    PointTransferViews.OwnTransferResult transfer(@PathVariable String store,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody PointTransferRequests.OwnTransfer transfer) {
        Caller caller = Caller.current().orElseThrow();
        String requestKey = key == null ? "transfer:" + UUID.randomUUID() : "transfer:" + caller.subject() + ":" + key;
        return transfers.transfer(caller.subject(), transfer.phone(), transfer.points(), requestKey,
                caller.username());
    }

    private static String subject() {
        return Caller.current().orElseThrow().subject();
    }
}
