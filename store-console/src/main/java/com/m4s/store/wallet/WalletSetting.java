package com.m4s.store.wallet;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The store's wallet rules; one row, made by the migration (no bonus, approval above 500 yuan). Its version (If-Match)
 * is recorded on each top-up whose bonus it gave.
 */
@Entity
@Table(name = "wallet_setting")
class WalletSetting extends BaseEntity {

    /** {@code <minimum top-up fen>:<bonus fen>}, lowest minimum first. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "bonus_tiers", columnDefinition = "text[]")
    private List<String> bonusTiers = new ArrayList<>();
    @Column(name = "cash_out_approval_above")
    private long cashOutApprovalAbove;

    protected WalletSetting() {
        // for JPA, which sets every field right after
    }

    void change(List<WalletSettings.BonusTier> tiers, long approvalAbove, Instant now) {
        this.bonusTiers = new ArrayList<>(tiers.stream().map(t -> t.minTopUp() + ":" + t.bonus()).toList());
        this.cashOutApprovalAbove = approvalAbove;
        touch(now);
    }

    List<WalletSettings.BonusTier> tiers() {
        return bonusTiers.stream().map(t -> {
            String[] parts = t.split(":");
            return new WalletSettings.BonusTier(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }).toList();
    }

    long cashOutApprovalAbove() { return cashOutApprovalAbove; }
}
