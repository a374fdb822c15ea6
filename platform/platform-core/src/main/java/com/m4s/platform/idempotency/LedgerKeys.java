package com.m4s.platform.idempotency;

import com.m4s.platform.security.Caller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The key a ledger posting (points, wallet, payment, gift stock) is stored under for a caller's Idempotency-Key:
 * {@code <what>:<caller's subject>:<key>}, so two callers' keys never meet; a request without a key is its own.
 */
public final class LedgerKeys {

    private LedgerKeys() {
    }

    public static String of(String what, @Nullable String key) {
        String subject = Caller.current().map(Caller::subject).orElse("unknown");
        return key == null ? what + ":" + UUID.randomUUID() : what + ":" + subject + ":" + key;
    }
}
