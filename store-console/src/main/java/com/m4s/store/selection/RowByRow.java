package com.m4s.store.selection;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the chosen members of a batch (a campaign's grant, a gift distribution) not done yet: a batch of
 * their rows read in a transaction, then each row in a transaction of its own (its ledger entry and its outcome
 * together), until none is left. A run cut short — a crash, a restart — leaves the rows done done and the others for
 * the next run, so each member is handled once. Tests cut a run short on purpose with {@link #crashAfter}.
 */
public final class RowByRow {

    /** How many rows one read takes. */
    public static final int BATCH = 50;

    private final TransactionTemplate tx;
    /** When set, the next run throws after this many rows, as a crash would (once: it clears itself). */
    private volatile int crashAfter = -1;

    public RowByRow(TransactionTemplate tx) {
        this.tx = tx;
    }

    /** The test hook: the next run stops after {@code rows} rows. Never set outside tests. */
    public void crashAfter(int rows) {
        this.crashAfter = rows;
    }

    /**
     * Handles every row {@code pending} answers (at most {@link #BATCH} at a time, the rows not done yet) with
     * {@code one}, each in its own transaction; {@code one} must leave a row done (or find it done). Rows handled.
     */
    public int run(String what, Supplier<List<UUID>> pending, Consumer<UUID> one) {
        int done = 0;
        while (true) {
            List<UUID> batch = Objects.requireNonNull(tx.execute(status -> pending.get()));
            if (batch.isEmpty()) {
                return done;
            }
            for (UUID row : batch) {
                if (done == crashAfter) {
                    crashAfter = -1;
                    throw new IllegalStateException(what + " cut short after " + done);
                }
                tx.executeWithoutResult(status -> one.accept(row));
                done++;
            }
        }
    }
}
