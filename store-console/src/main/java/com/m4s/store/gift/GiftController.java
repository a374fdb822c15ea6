package com.m4s.store.gift;

import com.m4s.platform.idempotency.OneTransaction;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelExports;
import com.m4s.store.export.ExcelTable;
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

/** The gift warehouse in the console (GIFT-1..3): gifts, their stock, members' redemptions. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}")
@Allow(Permission.GIFT_VIEW)
@Tag(name = "gifts", description = "The gift warehouse: gifts with a points price, stock as a ledger of movements,"
        + " redemptions with members' points (GIFT-1..3)")
class GiftController {

    /** The gift list as an Excel file: what the list shows, with the per-gift figures. */
    static final ExcelTable<GiftViews.GiftView> GIFTS_EXPORT = ExcelTable.of("gifts",
            ExcelColumn.text("name", GiftViews.GiftView::name),
            ExcelColumn.integer("pointsPrice", GiftViews.GiftView::pointsPrice),
            ExcelColumn.text("status", g -> Problems.message("export.gifts.status." + g.status())),
            ExcelColumn.integer("stock", GiftViews.GiftView::stock),
            ExcelColumn.integer("memberLimit", GiftViews.GiftView::memberLimit),
            ExcelColumn.integer("redeemedQuantity", GiftViews.GiftView::redeemedQuantity),
            ExcelColumn.integer("redeemedPoints", GiftViews.GiftView::redeemedPoints),
            ExcelColumn.integer("redeemingMembers", GiftViews.GiftView::redeemingMembers),
            ExcelColumn.integer("givenQuantity", GiftViews.GiftView::givenQuantity),
            ExcelColumn.dateTime("createdAt", GiftViews.GiftView::createdAt));

    /** The redemptions list as an Excel file. */
    static final ExcelTable<GiftViews.RedemptionView> REDEMPTIONS_EXPORT = ExcelTable.of("giftRedemptions",
            ExcelColumn.dateTime("createdAt", GiftViews.RedemptionView::createdAt),
            ExcelColumn.text("giftName", GiftViews.RedemptionView::giftName),
            ExcelColumn.text("memberName", GiftViews.RedemptionView::memberName),
            ExcelColumn.text("memberPhone", GiftViews.RedemptionView::memberPhone),
            ExcelColumn.integer("quantity", GiftViews.RedemptionView::quantity),
            ExcelColumn.integer("points", GiftViews.RedemptionView::points),
            ExcelColumn.text("channel", r -> Problems.message("export.giftRedemptions.channel." + r.channel())),
            ExcelColumn.text("status", r -> Problems.message("export.giftRedemptions.status." + r.status())),
            ExcelColumn.text("createdBy", GiftViews.RedemptionView::createdBy),
            ExcelColumn.dateTime("handedOverAt", GiftViews.RedemptionView::handedOverAt),
            ExcelColumn.text("cancelReason", GiftViews.RedemptionView::cancelReason));

    /** The statistics per member as an Excel file. */
    static final ExcelTable<GiftViews.MemberStatsView> MEMBER_STATS_EXPORT = ExcelTable.of("giftMemberStats",
            ExcelColumn.text("memberName", GiftViews.MemberStatsView::memberName),
            ExcelColumn.text("memberPhone", GiftViews.MemberStatsView::memberPhone),
            ExcelColumn.integer("redemptions", GiftViews.MemberStatsView::redemptions),
            ExcelColumn.integer("quantity", GiftViews.MemberStatsView::quantity),
            ExcelColumn.integer("points", GiftViews.MemberStatsView::points),
            ExcelColumn.integer("gifts", GiftViews.MemberStatsView::gifts),
            ExcelColumn.integer("givenQuantity", GiftViews.MemberStatsView::givenQuantity),
            ExcelColumn.dateTime("lastAt", GiftViews.MemberStatsView::lastAt));

    private final Gifts gifts;
    private final ExcelExports exports;

    GiftController(Gifts gifts, ExcelExports exports) {
        this.gifts = gifts;
        this.exports = exports;
    }

    @GetMapping(value = "/gifts/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The gift list as an Excel file: every gift the list's filters match, in its sort, with"
            + " stock and redemption figures; texts in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 礼品_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportGifts(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<GiftStatus> status,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "false") boolean low,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, GiftList.GIFT_SORTABLE, GiftList.GIFT_TIE_BREAKER);
        exports.write(response, GIFTS_EXPORT, sink -> gifts.exportGifts(new GiftList.GiftFilter(status, search, low),
                order, sink));
    }

    @GetMapping(value = "/gift-redemptions/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The redemptions list as an Excel file: every redemption the list's filters match, in its"
            + " sort")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 礼品兑换_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportGiftRedemptions(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<GiftRedemptionStatus> status,
            @RequestParam(required = false) @Nullable UUID gift,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Nullable GiftChannel channel,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, GiftList.REDEMPTION_SORTABLE, GiftList.REDEMPTION_TIE_BREAKER);
        exports.write(response, REDEMPTIONS_EXPORT, sink -> gifts.exportRedemptions(new GiftList.RedemptionFilter(
                status, gift, member, channel, search), order, sink));
    }

    @GetMapping("/gift-statistics/members")
    @Operation(summary = "Statistics per member: who redeemed or was given gifts, how often, how many, the points"
            + " spent (cancelled redemptions not counted); a gift, a phone or name (part); most points first")
    PageResult<GiftViews.MemberStatsView> giftMemberStatistics(@PathVariable String store,
            @RequestParam(required = false) @Nullable UUID gift,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "points,desc") String sort) {
        return gifts.memberStats(new GiftList.MemberStatsFilter(gift, search), SqlPage.of(page, size, sort,
                GiftList.MEMBER_STATS_SORTABLE, GiftList.MEMBER_STATS_TIE_BREAKER));
    }

    @GetMapping(value = "/gift-statistics/members/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The statistics per member as an Excel file, as the list filters and sorts them")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 会员礼品统计_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportGiftMemberStatistics(@PathVariable String store,
            @RequestParam(required = false) @Nullable UUID gift,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "points,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, GiftList.MEMBER_STATS_SORTABLE, GiftList.MEMBER_STATS_TIE_BREAKER);
        exports.write(response, MEMBER_STATS_EXPORT, sink -> gifts.exportMemberStats(new GiftList.MemberStatsFilter(
                gift, search), order, sink));
    }

    @GetMapping("/gifts")
    @Operation(summary = "The store's gifts with their stock and redemption figures: statuses, a name (part), only"
            + " those at or below their low-stock mark")
    PageResult<GiftViews.GiftView> giftList(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<GiftStatus> status,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "false") boolean low,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return gifts.gifts(new GiftList.GiftFilter(status, search, low),
                SqlPage.of(page, size, sort, GiftList.GIFT_SORTABLE, GiftList.GIFT_TIE_BREAKER));
    }

    @Allow(Permission.GIFT_MANAGE)
    @PostMapping("/gifts")
    @Operation(summary = "A new gift, with its first stock and listed or not", description = "409 gift-name-taken.")
    GiftViews.GiftView createGift(@PathVariable String store, @Valid @RequestBody GiftRequests.GiftForm form) {
        return gifts.create(form.details(), form.initialStock() == null ? 0 : form.initialStock(), form.listedAtOnce(),
                Caller.currentUsername());
    }

    @GetMapping("/gifts/{giftId}")
    @Operation(summary = "One gift with its stock and redemption figures")
    GiftViews.GiftView gift(@PathVariable String store, @PathVariable UUID giftId) {
        return gifts.view(giftId);
    }

    @Allow(Permission.GIFT_MANAGE)
    @PutMapping("/gifts/{giftId}")
    @Operation(summary = "Change what a gift is (name, description, price, member limit, low-stock mark); send"
            + " If-Match with the version read", description = "409 gift-name-taken; the stock moves only by receipts,"
                    + " adjustments and redemptions.")
    GiftViews.GiftView changeGift(@PathVariable String store, @PathVariable UUID giftId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody GiftRequests.GiftForm form) {
        return gifts.change(giftId, form.details(), Versions.ifMatch(ifMatch), Caller.currentUsername());
    }

    @Allow(Permission.GIFT_MANAGE)
    @PostMapping("/gifts/{giftId}/listing")
    @Operation(summary = "List a gift in the owners' catalogue (a listed one answers as it is)")
    GiftViews.GiftView listGift(@PathVariable String store, @PathVariable UUID giftId) {
        return gifts.list(giftId, true);
    }

    @Allow(Permission.GIFT_MANAGE)
    @PostMapping("/gifts/{giftId}/delisting")
    @Operation(summary = "Take a gift out of the catalogue; redemptions made stay as they are")
    GiftViews.GiftView delistGift(@PathVariable String store, @PathVariable UUID giftId) {
        return gifts.list(giftId, false);
    }

    @Allow(Permission.GIFT_MANAGE)
    @OneTransaction
    @PostMapping("/gifts/{giftId}/stock-receipts")
    @Operation(summary = "Stock received (restock); send an Idempotency-Key")
    GiftViews.GiftView receiveGiftStock(@PathVariable String store, @PathVariable UUID giftId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody GiftRequests.StockReceipt receipt) {
        return gifts.receive(giftId, receipt.quantity(), receipt.reason(), key("gift-receipt", key),
                Caller.currentUsername());
    }

    @Allow(Permission.GIFT_MANAGE)
    @OneTransaction
    @PostMapping("/gifts/{giftId}/stock-adjustments")
    @Operation(summary = "Correct the stock after a count, up or down, with the reason; send an Idempotency-Key",
            description = "409 gift-stock-short when it would take more than is in stock.")
    GiftViews.GiftView adjustGiftStock(@PathVariable String store, @PathVariable UUID giftId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody GiftRequests.StockAdjustment adjustment) {
        return gifts.adjust(giftId, adjustment.delta(), adjustment.reason(), key("gift-adjustment", key),
                Caller.currentUsername());
    }

    @GetMapping("/gifts/{giftId}/stock-entries")
    @Operation(summary = "A gift's stock movements, newest first")
    PageResult<GiftViews.StockEntryView> giftStockEntries(@PathVariable String store, @PathVariable UUID giftId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return gifts.entries(giftId, SqlPage.of(page, size, "createdAt,desc", GiftList.ENTRY_SORTABLE,
                GiftList.ENTRY_TIE_BREAKER));
    }

    @GetMapping("/gift-redemptions")
    @Operation(summary = "Members' redemptions, newest first: statuses, a gift, a member, a channel (BATCH: given by"
            + " a distribution), a phone or name (part)")
    PageResult<GiftViews.RedemptionView> giftRedemptions(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<GiftRedemptionStatus> status,
            @RequestParam(required = false) @Nullable UUID gift,
            @RequestParam(required = false) @Nullable UUID member,
            @RequestParam(required = false) @Nullable GiftChannel channel,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return gifts.redemptions(new GiftList.RedemptionFilter(status, gift, member, channel, search),
                SqlPage.of(page, size, sort, GiftList.REDEMPTION_SORTABLE, GiftList.REDEMPTION_TIE_BREAKER));
    }

    @Allow(Permission.GIFT_REDEEM)
    @OneTransaction
    @PostMapping("/gift-redemptions")
    @Operation(summary = "Redeem a gift for a member at the desk with their points; send an Idempotency-Key",
            description = "409 gift-not-listed, gift-out-of-stock, gift-member-limit, insufficient-points.")
    GiftViews.RedemptionView redeemGift(@PathVariable String store,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody GiftRequests.DeskRedemption redemption) {
        return gifts.redeem(redemption.memberId(), redemption.giftId(), redemption.quantity(),
                GiftChannel.DESK, key("gift-redeem", key), Caller.currentUsername());
    }

    @Allow(Permission.GIFT_REDEEM)
    @PostMapping("/gift-redemptions/{redemptionId}/hand-over")
    @Operation(summary = "Hand a redeemed gift over to the member (one handed over answers as it is)")
    GiftViews.RedemptionView handOverGift(@PathVariable String store, @PathVariable UUID redemptionId) {
        return gifts.handOver(redemptionId, Caller.currentUsername());
    }

    @Allow(Permission.GIFT_REDEEM)
    @PostMapping("/gift-redemptions/{redemptionId}/cancellation")
    @Operation(summary = "Cancel a redemption not handed over: the points back to the member, the gift back into"
            + " stock", description = "409 gift-redemption-move-not-allowed for one handed over.")
    GiftViews.RedemptionView cancelGiftRedemption(@PathVariable String store, @PathVariable UUID redemptionId,
            @Valid @RequestBody GiftRequests.RedemptionCancellation cancellation) {
        return gifts.cancel(redemptionId, null, cancellation.reason(), Caller.currentUsername());
    }

    /** The caller's key for a keyed write (a request without one is its own). */
    static String key(String what, @Nullable String key) {
        return com.m4s.platform.idempotency.LedgerKeys.of(what, key);
    }
}
