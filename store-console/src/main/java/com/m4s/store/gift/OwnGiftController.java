package com.m4s.store.gift;

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
import jakarta.validation.constraints.Size;
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

/** The owner's gift catalogue and redemptions in the app (GIFT-2). */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me")
@Allow(Permission.OWN_GIFT)
@Tag(name = "my-gifts", description = "An owner redeems the store's gifts with points and reads their redemptions")
class OwnGiftController {

    private final Gifts gifts;
    private final GiftCatalogue catalogue;

    OwnGiftController(Gifts gifts, GiftCatalogue catalogue) {
        this.gifts = gifts;
        this.catalogue = catalogue;
    }

    @GetMapping("/gifts")
    @Operation(summary = "Search the gift catalogue: Chinese full text, a points range, only in stock; a facet of"
            + " points bands; sorted by relevance, points (cheapest first without text), newest or most redeemed;"
            + " each gift with its stock and how many more I may redeem", description = "422 invalid-range,"
            + " page-too-deep; 503 when search is unavailable.")
    GiftCatalogue.GiftCataloguePage myGiftCatalogue(@PathVariable String store,
            @RequestParam(required = false) @Size(max = 60) @Nullable String q,
            @RequestParam(required = false) @Min(0) @Nullable Long pointsMin,
            @RequestParam(required = false) @Min(0) @Nullable Long pointsMax,
            @RequestParam(defaultValue = "false") boolean inStock,
            @RequestParam(defaultValue = "RELEVANCE") GiftCatalogue.Sort sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(60) int size) {
        return catalogue.search(new GiftCatalogue.Criteria(q, pointsMin, pointsMax, inStock, sort, page, size),
                member());
    }

    @OneTransaction
    @PostMapping("/gift-redemptions")
    @Operation(summary = "Redeem a gift with my points; send an Idempotency-Key", description = "409"
            + " gift-not-listed, gift-out-of-stock, gift-member-limit, insufficient-points.")
    GiftViews.RedemptionView redeemMyGift(@PathVariable String store,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody GiftRequests.AppRedemption redemption) {
        return gifts.redeem(member(), redemption.giftId(), redemption.quantity(), GiftChannel.APP,
                GiftController.key("gift-redeem", key), Caller.currentUsername());
    }

    @GetMapping("/gift-redemptions")
    @Operation(summary = "My redemptions, newest first")
    PageResult<GiftViews.RedemptionView> myGiftRedemptions(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return gifts.redemptions(new GiftList.RedemptionFilter(null, null, member(), null), SqlPage.of(page, size,
                "createdAt,desc", GiftList.REDEMPTION_SORTABLE, GiftList.REDEMPTION_TIE_BREAKER));
    }

    @PostMapping("/gift-redemptions/{redemptionId}/cancellation")
    @Operation(summary = "Cancel my redemption before I collect the gift: my points come back")
    GiftViews.RedemptionView cancelMyGiftRedemption(@PathVariable String store, @PathVariable UUID redemptionId,
            @Valid @RequestBody GiftRequests.RedemptionCancellation cancellation) {
        return gifts.cancel(redemptionId, member(), cancellation.reason(), Caller.currentUsername());
    }

    private UUID member() {
        return gifts.ownerMember(Caller.current().orElseThrow().subject());
    }
}
