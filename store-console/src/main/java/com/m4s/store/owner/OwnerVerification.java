package com.m4s.store.owner;

import com.m4s.platform.audit.Redacted;
import com.m4s.platform.entity.BaseEntity;
import com.m4s.platform.idempotency.Sha256;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A verification code sent to a phone for an owner's sign-up. Only a salted hash of the code is kept; a code is
 * good for {@link #VALID_FOR}, for {@link #MAX_ATTEMPTS} wrong guesses, and once.
 */
@Entity
@Table(name = "owner_verification")
class OwnerVerification extends BaseEntity {

    static final Duration VALID_FOR = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;

    private String phone;
    /** The member with this phone when the code was asked for; none means no code was sent. */
    @Column(name = "member_id")
    private @Nullable UUID memberId;
    @Redacted
    @Column(name = "code_hash")
    private String codeHash;
    @Column(name = "expires_at")
    private Instant expiresAt;
    private int attempts;
    @Column(name = "consumed_at")
    private @Nullable Instant consumedAt;

    protected OwnerVerification() {
        // for JPA, which sets every field right after
        this.phone = "";
        this.codeHash = "";
        this.expiresAt = Instant.EPOCH;
    }

    OwnerVerification(String phone, @Nullable UUID memberId, String code, Instant now) {
        super(now);
        this.phone = phone;
        this.memberId = memberId;
        this.codeHash = hash(id(), code);
        this.expiresAt = now.plus(VALID_FOR);
    }

    enum Check { MATCH, WRONG, SPENT }

    /** Compares a guess; a wrong one counts against the code. */
    Check check(String code, Instant now) {
        if (consumedAt != null || !now.isBefore(expiresAt) || attempts >= MAX_ATTEMPTS) {
            return Check.SPENT;
        }
        if (MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                hash(id(), code).getBytes(StandardCharsets.US_ASCII))) {
            return Check.MATCH;
        }
        attempts++;
        touch(now);
        return Check.WRONG;
    }

    void consume(Instant now) {
        this.consumedAt = now;
        touch(now);
    }

    int attemptsLeft() {
        return Math.max(0, MAX_ATTEMPTS - attempts);
    }

    @Nullable UUID memberId() {
        return memberId;
    }

    private static String hash(UUID salt, String code) {
        return Sha256.hex(salt + ":" + code);
    }
}
