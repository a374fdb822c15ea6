package com.m4s.platform.jobs;

import com.m4s.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks that a store has work for a job from a given time on, in the transaction of the change that makes the work
 * (a message to send, a trial that ends): the mark exists exactly when the change does. The runner visits a store
 * with a due mark even when the job's {@link StoreJob#storesWithWork} does not name it, and removes the marks it saw
 * once a run of the store succeeded. A job whose work is all marked can skip every other store without opening
 * their schemas.
 *
 * <p>Written on the caller's connection, which works as the store's database role: row-level security lets a store
 * add marks of its own store only and read none.
 */
public class JobWork {

    @PersistenceContext
    private EntityManager entityManager;

    private final String table;

    public JobWork(String schema) {
        this.table = schema + ".job_work";
    }

    /** The marks this transaction has made: a second equal mark would add nothing the runner does not see. */
    @SuppressWarnings("unchecked")
    private Set<String> markedInThisTransaction() {
        Object held = TransactionSynchronizationManager.getResource(this);
        if (held != null) {
            return (Set<String>) held;
        }
        Set<String> marked = new HashSet<>();
        TransactionSynchronizationManager.bindResource(this, marked);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JobWork.this);
            }
        });
        return marked;
    }

    /** The current store has work for {@code job} from {@code dueAt} on. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mark(String job, Instant dueAt) {
        String store = TenantContext.require().storeCode();
        if (!markedInThisTransaction().add(job + "|" + store + "|" + dueAt)) {
            return; // the same mark, made before in this transaction (a repair order's lines share their due time)
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + table + " (job, store_code, due_at) values (?, ?, ?)")) {
                insert.setString(1, job);
                insert.setString(2, store);
                insert.setTimestamp(3, Timestamp.from(dueAt));
                insert.executeUpdate();
            }
        });
    }
}
