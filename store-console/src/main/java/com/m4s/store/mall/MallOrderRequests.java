package com.m4s.store.mall;

import com.m4s.store.payment.OnlineMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the mall's order API takes; money in fen, points in points (one point pays one fen, decision 0045). */
final class MallOrderRequests {

    /** A SKU and how many. */
    record Line(@NotNull UUID skuId, @Min(1) @Max(99) int quantity) {
    }

    /** The checkout sheet of a cart: its lines and, to work a choice out, the coupons chosen. */
    record QuoteRequest(@NotEmpty @Size(max = 20) List<@Valid Line> lines,
            @Size(max = 10) @Nullable List<UUID> coupons) {
    }

    /**
     * An order placed: the cart's lines, how it reaches the owner, and how it is paid — coupons, wallet, points and the
     * rest online (with the method and where Stripe sends the owner back).
     */
    record Place(@NotEmpty @Size(max = 20) List<@Valid Line> lines, @NotNull Fulfilment fulfilment,
            @Size(max = 10) @Nullable List<UUID> coupons, @Min(0) long walletFen, @Min(0) long points,
            @Min(0) long onlineFen, @Nullable OnlineMethod onlineMethod, @Size(max = 500) @Nullable String returnUrl,
            @Size(max = 300) @Nullable String note) {
    }

    /** The fitting of an installation order booked, with the repair order it is part of if known. */
    record Schedule(@NotNull Instant at, @Size(max = 40) @Nullable String repairOrderNumber) {
    }

    /** The code the owner shows at the desk. */
    record Pickup(@NotBlank @Size(max = 6) String code) {
    }

    private MallOrderRequests() {
    }
}
