package com.m4s.store.wallet;

import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Versions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's wallet rules (decision 0043): bonus tiers (充500送50: a top-up of at least {@code minTopUp} fen gets
 * {@code bonus} fen; the highest tier met applies, tiers do not add up) and the cash-out amount above which a second
 * manager must approve. One row, changed with the version read (If-Match).
 */
@Service
public class WalletSettings {

    /** A bonus tier, in fen. */
    public record BonusTier(@Min(1) @Max(100_000_000) long minTopUp, @Min(1) @Max(100_000_000) long bonus) {
    }

    /** The rules as read and changed; {@code version} names them (top-ups record the version that gave their bonus). */
    public record WalletSettingsView(List<BonusTier> bonusTiers, long cashOutApprovalAbove, long version) {
    }

    /** The bonus a top-up gets and the version of the rules that gave it. */
    record Bonus(long bonus, long settingVersion) {
    }

    static final int MAX_TIERS = 10;

    private final WalletSettingRepository settings;
    private final Clock clock;

    WalletSettings(WalletSettingRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public WalletSettingsView view() {
        WalletSetting s = setting();
        return new WalletSettingsView(s.tiers(), s.cashOutApprovalAbove(), s.version());
    }

    /**
     * Replaces the tiers and the threshold; send the version read. 422 {@code wallet-bonus-tier-invalid} for a tier
     * whose bonus is not below its minimum, {@code wallet-bonus-tier-duplicate} for two tiers of one minimum.
     */
    @Transactional
    public WalletSettingsView change(List<BonusTier> tiers, long cashOutApprovalAbove,
            @Nullable Long expectedVersion) {
        WalletSetting s = setting();
        Versions.expect(WalletSetting.class, s.id(), s.version(), expectedVersion);
        Set<Long> minimums = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            BonusTier t = tiers.get(i);
            if (t.minTopUp() <= 0 || t.bonus() <= 0 || t.bonus() >= t.minTopUp()) {
                throw new ApiException.Unprocessable("wallet-bonus-tier-invalid",
                        Wallets.yuan(t.minTopUp()), Wallets.yuan(t.bonus())).field("bonusTiers[" + i + "]");
            }
            if (!minimums.add(t.minTopUp())) {
                throw new ApiException.Unprocessable("wallet-bonus-tier-duplicate", Wallets.yuan(t.minTopUp()))
                        .field("bonusTiers[" + i + "].minTopUp");
            }
        }
        if (cashOutApprovalAbove < 0) {
            throw new ApiException.Unprocessable("wallet-amount-invalid").field("cashOutApprovalAbove");
        }
        s.change(tiers.stream().sorted(Comparator.comparingLong(BonusTier::minTopUp)).toList(),
                cashOutApprovalAbove,
                clock.instant());
        settings.saveAndFlush(s);
        return view();
    }

    /** The bonus of a top-up of {@code amount} fen: the highest tier it meets, or none. */
    Bonus bonusFor(long amount) {
        WalletSetting s = setting();
        long bonus = s.tiers().stream().filter(t -> amount >= t.minTopUp()).mapToLong(BonusTier::bonus)
                .reduce(0, (a, b) -> b); // tiers are kept lowest minimum first: the last met is the highest
        return new Bonus(bonus, s.version());
    }

    long cashOutApprovalAbove() {
        return setting().cashOutApprovalAbove();
    }

    private WalletSetting setting() {
        return settings.findAll().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no wallet setting"));
    }
}
