package com.m4s.platform.idempotency;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The service's JPA transaction as a {@link OneTransaction} request's: begun by the filter, joined by the handler's
 * {@code @Transactional} calls, and the key's record written on its connection, after the work's statements (so as
 * the store's role, in the store's schema).
 */
final class JpaWorkTransactions implements WorkTransactions {

    private static final DefaultTransactionDefinition DEFINITION = new DefaultTransactionDefinition();

    static {
        DEFINITION.setName("idempotent request");
    }

    private final PlatformTransactionManager transactionManager;
    private final EntityManagerFactory entityManagerFactory;
    private final IdempotencyRecords records;

    JpaWorkTransactions(PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory,
            IdempotencyRecords records) {
        this.transactionManager = transactionManager;
        this.entityManagerFactory = entityManagerFactory;
        this.records = records;
    }

    @Override
    public Work begin() {
        TransactionStatus status = transactionManager.getTransaction(DEFINITION);
        return new Work() {
            @Override
            public boolean keep(String subject, String key, String fingerprint, IdempotencyRecords.Answer answer,
                    Instant now, Instant expiresAt) {
                EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(
                        entityManagerFactory);
                if (entityManager == null) {
                    throw new IllegalStateException("no entity manager in the request's transaction");
                }
                return entityManager.unwrap(Session.class).doReturningWork(connection -> records.keepAnswered(
                        connection, subject, key, fingerprint, answer, now, expiresAt));
            }

            @Override
            public void commit() {
                transactionManager.commit(status);
            }

            @Override
            public void rollback() {
                transactionManager.rollback(status);
            }
        };
    }
}
