package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.jobs.FullSweeps;
import com.m4s.platform.jobs.MarkedStoreJob;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.store.member.Members;
import com.m4s.store.repairorder.DmsSettings;
import com.m4s.store.repairorder.RepairOrderService;
import com.m4s.store.repairorder.RepairOrderViews;
import com.m4s.store.repairorder.UnknownCustomer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-store job {@value #JOB} (decision 0016): works on the store's queued file imports through
 * {@link RepairOrderService#upsertAll}, the REST batch's own step (several orders per transaction, a refused one
 * done again alone), so a file and the REST endpoint cannot differ.
 * Progress and rejected rows are written every {@value #FLUSH_EVERY} orders; a run cut short resumes after the last
 * orders written (an order done twice is unchanged the second time anyway). An upload marks the
 * store's work and asks for a run right after its commit; every active store is also visited once at start-up, so
 * an import a restart cut short resumes (its mark stays until a run succeeds; the store is due again a minute after
 * its last run).
 */
@Component
class DmsImportJob extends MarkedStoreJob {

    static final String JOB = "repair-order-import";

    static final int FLUSH_EVERY = 50;
    private static final Logger log = LoggerFactory.getLogger(DmsImportJob.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final RepairOrderService orders;
    private final DmsSettings settings;
    private final Members members;
    private final ProblemMessages messages;
    private final StoreTime storeTime;
    private final Clock clock;

    DmsImportJob(JdbcClient jdbc, TransactionTemplate tx, RepairOrderService orders, DmsSettings settings,
            Members members, ProblemMessages messages, StoreTime storeTime, Clock clock) {
        super(JOB, Duration.ofMinutes(1), FullSweeps.atStartUpOnly());
        this.members = members;
        this.jdbc = jdbc;
        this.tx = tx;
        this.orders = orders;
        this.settings = settings;
        this.messages = messages;
        this.storeTime = storeTime;
        this.clock = clock;
    }

    @Override
    public void run(Tenant store) {
        runPending();
    }

    /** Works on every import of the current store not finished yet, oldest first; how many it finished. */
    int runPending() {
        List<UUID> pending = tx.execute(status -> jdbc.sql(
                "select id from repair_order_import where status in ('QUEUED','RUNNING') order by created_at, id")
                .query(UUID.class).list());
        int finished = 0;
        for (UUID id : java.util.Objects.requireNonNull(pending)) {
            run(id);
            finished++;
        }
        return finished;
    }

    /** The counts of a run, written with the rows rejected since the last write. */
    private static final class Progress {
        int rowsDone;
        int rowsRejected;
        int ordersDone;
        int created;
        int updated;
        int unchanged;
        int rejected;
        int members;
        final List<Object[]> rejections = new ArrayList<>();
    }

    private void run(UUID id) {
        long started = System.nanoTime();
        Map<String, Object> record = java.util.Objects.requireNonNull(tx.execute(status -> jdbc.sql("""
                select kind, format, content, created_by, rows_done, rows_rejected, orders_done, orders_created,
                  orders_updated, orders_unchanged, orders_rejected, members_created
                from repair_order_import where id = :id for update""").param("id", id).query().singleRow()));
        Progress p = new Progress();
        p.rowsDone = (Integer) record.get("rows_done");
        p.rowsRejected = (Integer) record.get("rows_rejected");
        p.ordersDone = (Integer) record.get("orders_done");
        p.created = (Integer) record.get("orders_created");
        p.updated = (Integer) record.get("orders_updated");
        p.unchanged = (Integer) record.get("orders_unchanged");
        p.rejected = (Integer) record.get("orders_rejected");
        p.members = (Integer) record.get("members_created");
        String actor = (String) record.get("created_by");
        tx.executeWithoutResult(status -> jdbc.sql("update repair_order_import set status = 'RUNNING',"
                + " started_at = coalesce(started_at, :now) where id = :id").param("now", Timestamp.from(clock.instant()))
                .param("id", id).update());
        try {
            ImportKind kind = ImportKind.valueOf((String) record.get("kind"));
            List<DmsFile.FileRow> rows = DmsFile.read((byte[]) record.get("content"),
                    DmsFile.Format.valueOf((String) record.get("format")), kind);
            if (kind == ImportKind.CUSTOMERS) {
                customers(id, rows, p);
                log.info("DMS customer import {} of store {}: {} customers ({} new members, {} vehicles added, {}"
                        + " known, {} rejected) in {} ms", id, TenantContext.require().storeCode(), rows.size(),
                        p.created, p.updated, p.unchanged, p.rejected, (System.nanoTime() - started) / 1_000_000);
                return;
            }
            List<DmsOrders.Group> groups = DmsOrders.group(rows);
            ZoneId zone = storeTime.zone();
            UnknownCustomer unknown = settings.unknownCustomer();
            int chunk = RepairOrderService.ORDERS_PER_TRANSACTION;
            for (int from = p.ordersDone; from < groups.size(); ) {
                int to = Math.min(groups.size(), (from / chunk + 1) * chunk);
                List<DmsOrders.Built> built = groups.subList(from, to).stream()
                        .map(g -> DmsOrders.build(g, zone)).toList();
                Iterator<RepairOrderService.Upserted> upserted = orders.upsertAll(built.stream()
                        .map(DmsOrders.Built::order).filter(java.util.Objects::nonNull).toList(), unknown, actor)
                        .iterator();
                for (DmsOrders.Built one : built) {
                    one(one, one.order() == null ? null : upserted.next(), p);
                    if (p.ordersDone % FLUSH_EVERY == 0) {
                        flush(id, p, false);
                    }
                }
                from = to;
            }
            flush(id, p, true);
            log.info("DMS import {} of store {}: {} orders ({} created, {} updated, {} unchanged, {} rejected) in {} ms",
                    id, TenantContext.require().storeCode(), groups.size(), p.created, p.updated, p.unchanged,
                    p.rejected, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("DMS import {} failed", id, e);
            flush(id, p, false);
            tx.executeWithoutResult(status -> jdbc.sql("update repair_order_import set status = 'FAILED',"
                    + " finished_at = :now, error = :error, content = null where id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("error", String.valueOf(e.getMessage()).substring(0,
                            Math.min(500, String.valueOf(e.getMessage()).length())))
                    .param("id", id).update());
        }
    }

    /**
     * A file of customers: each row in a transaction of its own through {@link Members#importDmsCustomer}, resuming
     * after the rows written before; a refused row is kept with its reason.
     */
    private void customers(UUID id, List<DmsFile.FileRow> rows, Progress p) {
        for (int i = p.ordersDone; i < rows.size(); i++) {
            DmsFile.FileRow row = rows.get(i);
            try {
                Members.CustomerImported outcome = tx.execute(status -> members.importDmsCustomer(
                        new Members.DmsCustomer(row.get(DmsColumn.CUSTOMER_NAME), row.get(DmsColumn.PHONE),
                                row.get(DmsColumn.PLATE), row.get(DmsColumn.VIN), row.get(DmsColumn.MODEL)),
                        mileage(row.get(DmsColumn.MILEAGE))));
                switch (java.util.Objects.requireNonNull(outcome)) {
                    case CREATED -> {
                        p.created++;
                        p.members++;
                    }
                    case VEHICLE_ADDED -> p.updated++;
                    case UNCHANGED -> p.unchanged++;
                }
            } catch (ApiException e) {
                p.rejected++;
                p.rowsRejected++;
                p.rejections.add(new Object[] {row.rowNo(), null, e.type(), text(e, Locale.SIMPLIFIED_CHINESE),
                        text(e, Locale.ENGLISH)});
            }
            p.ordersDone++;
            p.rowsDone++;
            if (p.ordersDone % FLUSH_EVERY == 0) {
                flush(id, p, false);
            }
        }
        flush(id, p, true);
    }

    private static @Nullable Integer mileage(String text) {
        try {
            return text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One order of the file: its outcome through the REST batch's step, or refused with its rows. */
    private void one(DmsOrders.Built built, RepairOrderService.@Nullable Upserted upserted, Progress p) {
        List<DmsOrders.Refusal> refusals = built.refusals();
        if (upserted != null) {
            RepairOrderViews.OrderResult result = upserted.result();
            if (result != null) {
                switch (result.outcome()) {
                    case CREATED -> p.created++;
                    case UPDATED -> p.updated++;
                    case UNCHANGED -> p.unchanged++;
                    case REJECTED -> p.rejected++;
                }
                if ("CREATED".equals(result.memberMatchedBy())) {
                    p.members++;
                }
            } else if (upserted.refused() != null) {
                ApiException e = upserted.refused();
                refusals = DmsOrders.rejectAll(built.group(), built.group().rows().stream()
                        .map(r -> new DmsOrders.Refusal(r, e)).toList()).refusals();
            } else {
                log.warn("DMS import: order {} failed", built.group().dmsNumber(), upserted.failed());
                ApiException failed = new DmsOrders.DmsImportProblem("dms-import-failed");
                refusals = built.group().rows().stream().map(r -> new DmsOrders.Refusal(r, failed)).toList();
            }
        }
        if (!refusals.isEmpty()) {
            p.rejected++;
            p.rowsRejected += refusals.size();
            for (DmsOrders.Refusal r : refusals) {
                p.rejections.add(new Object[] {r.row().rowNo(), blankToNull(built.group().dmsNumber()),
                        r.reason().type(), text(r.reason(), Locale.SIMPLIFIED_CHINESE), text(r.reason(), Locale.ENGLISH)});
            }
        }
        p.ordersDone++;
        p.rowsDone += built.group().rows().size();
    }

    private String text(ApiException reason, Locale locale) {
        String text = messages.text(reason.detail(), locale);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private void flush(UUID id, Progress p, boolean done) {
        tx.executeWithoutResult(status -> {
            for (Object[] r : p.rejections) {
                jdbc.sql("""
                        insert into repair_order_import_rejection (import_id, row_no, dms_number, problem, reason_zh,
                          reason_en) values (:id, :row, :number, :problem, :zh, :en) on conflict do nothing""")
                        .param("id", id).param("row", r[0]).param("number", r[1]).param("problem", r[2])
                        .param("zh", r[3]).param("en", r[4]).update();
            }
            jdbc.sql("""
                    update repair_order_import set rows_done = :rowsDone, rows_rejected = :rowsRejected,
                      orders_done = :ordersDone, orders_created = :created, orders_updated = :updated,
                      orders_unchanged = :unchanged, orders_rejected = :rejected, members_created = :members,
                      status = case when :done then 'DONE' else status end,
                      finished_at = case when :done then cast(:now as timestamptz) else finished_at end,
                      content = case when :done then null else content end
                    where id = :id""")
                    .param("rowsDone", p.rowsDone).param("rowsRejected", p.rowsRejected)
                    .param("ordersDone", p.ordersDone).param("created", p.created).param("updated", p.updated)
                    .param("unchanged", p.unchanged).param("rejected", p.rejected).param("members", p.members)
                    .param("done", done).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        });
        p.rejections.clear();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
