package com.m4s.platform.idempotency;

import java.time.Instant;

/** The transaction a {@link OneTransaction} request's work runs in, with its key's record written in it. */
interface WorkTransactions {

    /** A running transaction, bound to the request's thread until it is committed or rolled back. */
    interface Work {

        /**
         * Writes the key's record with the answer in this transaction; false when the key has a live record (the
         * write waits for a request that holds it to end first).
         */
        boolean keep(String subject, String key, String fingerprint, IdempotencyRecords.Answer answer, Instant now,
                Instant expiresAt);

        void commit();

        void rollback();
    }

    /** Begins the transaction the handler's own transactional calls join. */
    Work begin();
}
