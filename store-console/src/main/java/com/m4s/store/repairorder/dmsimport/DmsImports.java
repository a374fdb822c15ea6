package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.jobs.JobWork;
import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * File imports of repair orders, or of customers and their vehicles (decision 0030, "DMS import"). An upload is read at once (a file the import cannot
 * read, or without the required columns, is refused whole with 422), kept with its counts as {@code QUEUED}, and
 * worked on by the store's job {@link DmsImportJob}. Rejection reasons are kept in both languages and shown in the
 * caller's.
 */
@Component
class DmsImports {

    static final int REJECTED_SHOWN = 500;

    static final Map<String, String> SORTABLE = Map.of("createdAt", "i.created_at", "fileName", "i.file_name",
            "status", "i.status");
    static final String TIE_BREAKER = "i.id";
    private static final String COLUMNS = "i.id, i.kind, i.file_name, i.format, i.status, i.rows_total, i.rows_done,"
            + " i.rows_rejected, i.orders_total, i.orders_done, i.orders_created, i.orders_updated, i.orders_unchanged,"
            + " i.orders_rejected, i.members_created, i.created_by, i.created_at, i.started_at, i.finished_at, i.error";

    /** The rejected rows as an Excel file: row number, order number, reason in the caller's language. */
    static final ExcelTable<DmsImportViews.RejectedRow> REJECTED = ExcelTable.of("dms-import-rejected",
            ExcelColumn.integer("rowNo", DmsImportViews.RejectedRow::rowNo),
            ExcelColumn.text("dmsNumber", DmsImportViews.RejectedRow::dmsNumber),
            ExcelColumn.text("reason", DmsImportViews.RejectedRow::reason));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobWork work;
    private final StoreJobRunner jobs;
    private final Clock clock;

    DmsImports(JdbcClient jdbc, TransactionTemplate tx, JobWork work, StoreJobRunner jobs, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.work = work;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Reads the file (422 when it cannot be), keeps it as a queued import and asks the store's job to run. */
    DmsImportViews.ImportSummary start(String fileName, byte[] content, ImportKind kind, String actor) {
        DmsFile.Format format = DmsFile.Format.of(fileName);
        List<DmsFile.FileRow> rows = DmsFile.read(content, format, kind);
        int groups = kind == ImportKind.CUSTOMERS ? rows.size() : DmsOrders.group(rows).size();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String name = fileName.length() > 200 ? fileName.substring(fileName.length() - 200) : fileName;
        String store = TenantContext.require().storeCode();
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into repair_order_import (id, kind, file_name, format, status, content, rows_total, rows_done,
                      rows_rejected, orders_total, orders_done, orders_created, orders_updated, orders_unchanged,
                      orders_rejected, members_created, created_by, created_at)
                    values (:id, :kind, :name, :format, 'QUEUED', :content, :rows, 0, 0, :orders, 0, 0, 0, 0, 0, 0, :by, :at)""")
                    .param("id", id).param("kind", kind.name()).param("name", name).param("format", format.name()).param("content", content)
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
        return new DmsImportViews.ImportSummary(rs.getObject("id", UUID.class),
                ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
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

}
