package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.ProblemMessages;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import com.m4s.store.repairorder.DmsSettings;
import com.m4s.store.repairorder.RepairOrderService;
import com.m4s.store.repairorder.RepairOrderViews;
import com.m4s.store.repairorder.UnknownCustomer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * File imports of repair orders (decision 0030, "DMS import"). An upload is read at once (a file the import cannot
 * read, or without the required columns, is refused whole with 422), kept with its counts as {@code QUEUED}, and
 * worked on by the store's job {@value DmsImportJob#JOB}: order by order through {@link RepairOrderService#upsert}, the
 * REST batch's own step, so a file and the REST endpoint cannot differ. Progress and rejected rows are written every
 * {@value #FLUSH_EVERY} orders; a run cut short resumes after the last orders written (an order done twice is
 * unchanged the second time anyway). Rejection reasons are kept in both languages and shown in the caller's.
 */
@Component
class DmsImports {

    static final int REJECTED_SHOWN = 500;
    static final int FLUSH_EVERY = 50;
    private static final Logger log = LoggerFactory.getLogger(DmsImports.class);

    static final Map<String, String> SORTABLE = Map.of("createdAt", "i.created_at", "fileName", "i.file_name",
            "status", "i.status");
    static final String TIE_BREAKER = "i.id";
    private static final String COLUMNS = "i.id, i.file_name, i.format, i.status, i.rows_total, i.rows_done,"
            + " i.rows_rejected, i.orders_total, i.orders_done, i.orders_created, i.orders_updated, i.orders_unchanged,"
            + " i.orders_rejected, i.members_created, i.created_by, i.created_at, i.started_at, i.finished_at, i.error";

    /** The rejected rows as an Excel file: row number, order number, reason in the caller's language. */
    static final ExcelTable<DmsImportViews.RejectedRow> REJECTED = ExcelTable.of("dms-import-rejected",
            ExcelColumn.integer("rowNo", DmsImportViews.RejectedRow::rowNo),
            ExcelColumn.text("dmsNumber", DmsImportViews.RejectedRow::dmsNumber),
            ExcelColumn.text("reason", DmsImportViews.RejectedRow::reason));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final RepairOrderService orders;
    private final DmsSettings settings;
    private final ProblemMessages messages;
    private final StoreTime storeTime;
    private final JobWork work;
    private final StoreJobRunner jobs;
    private final Clock clock;

    DmsImports(JdbcClient jdbc, TransactionTemplate tx, RepairOrderService orders, DmsSettings settings,
            ProblemMessages messages, StoreTime storeTime, JobWork work, StoreJobRunner jobs, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.orders = orders;
        this.settings = settings;
        this.messages = messages;
        this.storeTime = storeTime;
        this.work = work;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Reads the file (422 when it cannot be), keeps it as a queued import and asks the store's job to run. */
    DmsImportViews.ImportSummary start(String fileName, byte[] content, String actor) {
        DmsFile.Format format = DmsFile.Format.of(fileName);
        List<DmsFile.FileRow> rows = DmsFile.read(content, format);
        int groups = DmsOrders.group(rows).size();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String name = fileName.length() > 200 ? fileName.substring(fileName.length() - 200) : fileName;
        String store = TenantContext.require().storeCode();
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into repair_order_import (id, file_name, format, status, content, rows_total, rows_done,
                      rows_rejected, orders_total, orders_done, orders_created, orders_updated, orders_unchanged,
                      orders_rejected, members_created, created_by, created_at)
                    values (:id, :name, :format, 'QUEUED', :content, :rows, 0, 0, :orders, 0, 0, 0, 0, 0, 0, :by, :at)""")
                    .param("id", id).param("name", name).param("format", format.name()).param("content", content)
                    .param("rows", rows.size()).param("orders", groups).param("by", actor)
                    .param("at", Timestamp.from(now)).update();
            work.mark(DmsImportJob.JOB, now);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    jobs.runSoon(DmsImportJob.JOB, store);
                }
            });
        });
        return summary(id);
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
                select format, content, created_by, rows_done, rows_rejected, orders_done, orders_created,
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
            List<DmsOrders.Group> groups = DmsOrders.group(DmsFile.read((byte[]) record.get("content"),
                    DmsFile.Format.valueOf((String) record.get("format"))));
            ZoneId zone = storeTime.zone();
            UnknownCustomer unknown = settings.unknownCustomer();
            for (int i = p.ordersDone; i < groups.size(); i++) {
                one(DmsOrders.build(groups.get(i), zone), unknown, actor, p);
                if (p.ordersDone % FLUSH_EVERY == 0) {
                    flush(id, p, false);
                }
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

    /** One order of the file: through the REST batch's step, or refused with its rows. */
    private void one(DmsOrders.Built built, UnknownCustomer unknown, String actor, Progress p) {
        List<DmsOrders.Refusal> refusals = built.refusals();
        if (built.order() != null) {
            try {
                RepairOrderViews.OrderResult result = orders.upsert(built.order(), unknown, actor);
                switch (result.outcome()) {
                    case CREATED -> p.created++;
                    case UPDATED -> p.updated++;
                    case UNCHANGED -> p.unchanged++;
                    case REJECTED -> p.rejected++;
                }
                if ("CREATED".equals(result.memberMatchedBy())) {
                    p.members++;
                }
            } catch (ApiException e) {
                refusals = DmsOrders.rejectAll(built.group(), built.group().rows().stream()
                        .map(r -> new DmsOrders.Refusal(r, e)).toList()).refusals();
            } catch (RuntimeException e) {
                log.warn("DMS import: order {} failed", built.group().dmsNumber(), e);
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

    DmsImportViews.ImportView view(UUID id, Locale locale) {
        DmsImportViews.ImportSummary summary = summary(id);
        List<DmsImportViews.RejectedRow> rejected = new ArrayList<>();
        tx.executeWithoutResult(status -> eachRejected(id, locale, REJECTED_SHOWN, rejected::add));
        return new DmsImportViews.ImportView(summary, rejected);
    }

    DmsImportViews.ImportSummary summary(UUID id) {
        return java.util.Objects.requireNonNull(tx.execute(status -> jdbc.sql("select " + COLUMNS
                + " from repair_order_import i where i.id = :id").param("id", id).query(DmsImports::summary)
                .optional().orElseThrow(() -> new ApiException.NotFound("dms-import", id))));
    }

    PageResult<DmsImportViews.ImportSummary> page(SqlPage page) {
        return java.util.Objects.requireNonNull(tx.execute(status -> page.query(jdbc, COLUMNS,
                "from repair_order_import i", Map.of(), DmsImports::summary)));
    }

    /** Every rejected row in row order, in the caller's language (an export, in its own transaction); how many. */
    long eachRejectedInTransaction(UUID id, Locale locale, Consumer<DmsImportViews.RejectedRow> sink) {
        return java.util.Objects.requireNonNull(tx.execute(status -> eachRejected(id, locale, Integer.MAX_VALUE,
                sink)));
    }

    /** The rejected rows in row order, in the caller's language, in the caller's transaction; how many. */
    private long eachRejected(UUID id, Locale locale, int limit, Consumer<DmsImportViews.RejectedRow> sink) {
        String reason = "zh".equals(locale.getLanguage()) ? "reason_zh" : "reason_en";
        long[] count = {0};
        jdbc.sql("select row_no, dms_number, problem, " + reason + " from repair_order_import_rejection"
                + " where import_id = :id order by row_no limit :limit").param("id", id).param("limit", limit)
                .query(rs -> {
                    sink.accept(new DmsImportViews.RejectedRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                    count[0]++;
                });
        return count[0];
    }

    private static DmsImportViews.ImportSummary summary(ResultSet rs, int row) throws SQLException {
        return new DmsImportViews.ImportSummary(rs.getObject("id", UUID.class), rs.getString("file_name"),
                rs.getString("format"), DmsImportViews.Status.valueOf(rs.getString("status")),
                rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("rows_rejected"),
                rs.getInt("orders_total"), rs.getInt("orders_done"), rs.getInt("orders_created"),
                rs.getInt("orders_updated"), rs.getInt("orders_unchanged"), rs.getInt("orders_rejected"),
                rs.getInt("members_created"), rs.getString("created_by"), instant(rs, "created_at"),
                nullableInstant(rs, "started_at"), nullableInstant(rs, "finished_at"), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
