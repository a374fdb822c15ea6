package com.m4s.store.wallet;

import com.m4s.platform.audit.Derived;
import com.m4s.platform.entity.TimestampedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's wallet: the sums of their entries' principal and bonus, kept in each posting's transaction under this
 * row's lock (its id is the member's id). The database refuses a negative principal or bonus.
 */
@Derived
@Entity
@Table(name = "wallet_balance")
class WalletBalance extends TimestampedEntity {

    @Id
    private UUID id;
    private long principal;
    private long bonus;

    protected WalletBalance() {
        // for JPA, which sets every field right after
        this.id = new UUID(0, 0);
    }

    WalletBalance(UUID memberId, Instant now) {
        super(now);
        this.id = memberId;
    }

    void apply(long principalDelta, long bonusDelta, Instant now) {
        principal += principalDelta;
        bonus += bonusDelta;
        touch(now);
    }

    UUID memberId() { return id; }
    long principal() { return principal; }
    long bonus() { return bonus; }
}
