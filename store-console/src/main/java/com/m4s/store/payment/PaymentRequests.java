package com.m4s.store.payment;

import com.m4s.store.wallet.PaymentMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the payment API takes; amounts in fen, points in points (100 points = 1 yuan). */
final class PaymentRequests {

    /**
     * A payment taken at the desk: for one of the member's repair orders (repairOrderId) or a desk charge
     * (description and amountFen); the coupons, wallet, points and cash that pay it; whether staff saw the money.
     */
    record DeskPayment(@NotNull UUID memberId, @Nullable UUID repairOrderId,
            @Size(max = 200) @Nullable String description, @Min(1) @Max(100_000_000) @Nullable Long amountFen,
            @Size(max = 10) @Nullable List<@NotNull UUID> coupons, @NotNull @Min(0) @Max(100_000_000) Long walletFen,
            @NotNull @Min(0) @Max(100_000_000) Long points, @NotNull @Min(0) @Max(100_000_000) Long cashFen,
            @Nullable PaymentMethod cashMethod, boolean confirmedInPerson, @Size(max = 500) @Nullable String note) {
    }

    /**
     * An owner's payment in the app: the coupons chosen, how much from the wallet, how many points, and the rest
     * paid online ({@code onlineFen} with {@code onlineMethod}; {@code returnUrl}: where Alipay sends the owner back).
     */
    record AppPayment(@Size(max = 10) @Nullable List<@NotNull UUID> coupons,
            @NotNull @Min(0) @Max(100_000_000) Long walletFen, @NotNull @Min(0) @Max(100_000_000) Long points,
            @Min(0) @Max(100_000_000) @Nullable Long onlineFen, @Nullable OnlineMethod onlineMethod,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") @Nullable String returnUrl) {

        long online() {
            return onlineFen == null ? 0 : onlineFen;
        }
    }

    /**
     * An owner's wallet top-up in the app: the amount, paid whole online with {@code onlineMethod}; {@code returnUrl}:
     * where Alipay sends the owner back.
     */
    record AppTopUp(@NotNull @Min(1) @Max(100_000_000) Long amountFen, @NotNull OnlineMethod onlineMethod,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") @Nullable String returnUrl) {
    }

    /** A refund of (part of) what was paid, and why. */
    record Refund(@NotNull @Min(1) @Max(100_000_000) Long amountFen, @NotBlank @Size(max = 500) String reason) {
    }

    /** The store's payment rules. */
    record SettingsChange(boolean pointsAccepted, @Min(1) @Max(100) int pointsMaxPercent) {
    }

    private PaymentRequests() {
    }
}
