package com.m4s.store.transfer;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Point transfers between members as staff see them (PTS-6): the list, its export, reversal, the store's policy. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/point-transfers")
@Tag(name = "point-transfers", description = "Point transfers between members: list, export, reversal by a"
        + " manager, the store's transfer policy (PTS-6)")
class PointTransferController {

    private final PointTransfers transfers;
    private final ExcelExports exports;

    PointTransferController(PointTransfers transfers, ExcelExports exports) {
        this.transfers = transfers;
        this.exports = exports;
    }

    @Allow(Permission.POINT_TRANSFER_VIEW)
    @GetMapping
    @Operation(summary = "The store's transfers, newest first: made from/to (both inclusive), a member on either"
            + " side, statuses, and phone (or a part) of either member")
    PageResult<PointTransferViews.PointTransferView> list(@PathVariable String store,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Nullable List<PointTransferStatus> status,
            @RequestParam(required = false) @Size(max = 20) @Nullable String phone,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return transfers.list(new PointTransferList.Filter(from, to, member, status, phone),
                SqlPage.of(page, size, sort, PointTransferList.SORTABLE, PointTransferList.TIE_BREAKER));
    }

    @Allow(Permission.POINT_TRANSFER_VIEW)
    @GetMapping(value = "/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The list of transfers as an Excel file: every transfer the list's filters match, in its"
            + " sort, without paging; headers and statuses in the caller's language, times in the store's zone")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 积分转赠_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void export(@PathVariable String store,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Nullable List<PointTransferStatus> status,
            @RequestParam(required = false) @Size(max = 20) @Nullable String phone,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, PointTransferList.SORTABLE, PointTransferList.TIE_BREAKER);
        PointTransferList.Filter filter = new PointTransferList.Filter(from, to, member, status, phone);
        exports.write(response, PointTransferList.EXPORT, sink -> transfers.export(filter, order, sink));
    }

    @Allow(Permission.POINT_TRANSFER_VIEW)
    @GetMapping("/{transferId}")
    @Operation(summary = "One transfer with both members and the moves allowed now")
    PointTransferViews.PointTransferView get(@PathVariable String store, @PathVariable UUID transferId) {
        return transfers.get(transferId);
    }

    @Allow(Permission.POINT_TRANSFER_REVERSE)
    @PostMapping("/{transferId}/reversal")
    @Operation(summary = "Reverse a transfer with the reason: the opposite entries of exactly its points, once (a"
            + " reversed transfer answers as it is); 409 point-transfer-points-spent when the receiver no longer has"
            + " them available; send If-Match with the version read")
    PointTransferViews.PointTransferView reverse(@PathVariable String store, @PathVariable UUID transferId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PointTransferRequests.TransferReversal reversal) {
        return transfers.reverse(transferId, reversal.reason(), Versions.ifMatch(ifMatch), username());
    }

    @Allow(Permission.POINT_TRANSFER_VIEW)
    @GetMapping("/policy")
    @Operation(summary = "The store's transfer policy: on/off, minimum per transfer, daily maximum out per member")
    PointTransferViews.TransferPolicyView policy(@PathVariable String store) {
        return transfers.policyView();
    }

    @Allow(Permission.POINT_TRANSFER_REVERSE)
    @PutMapping("/policy")
    @Operation(summary = "Change the transfer policy (managers); send If-Match with the version read; 422"
            + " point-transfer-policy-range when the daily maximum is below the minimum")
    PointTransferViews.TransferPolicyView changePolicy(@PathVariable String store,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PointTransferRequests.TransferPolicyChange change) {
        return transfers.changePolicy(change.enabled(), change.minPoints(), change.dailyMaxOut(),
                Versions.ifMatch(ifMatch));
    }

    private static String username() {
        return Caller.current().map(Caller::username).orElse("unknown");
    }
}
