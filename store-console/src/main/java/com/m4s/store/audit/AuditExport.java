package com.m4s.store.audit;

import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelTable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The audit log as an Excel file (decision 0024): what the list's rows show a person, in the caller's language. The
 * actor reads as the log shows it (林晓峰（店长）, 系统, 访客（未登录）), the kind of object and the action by their names;
 * a kind or role the bundles do not know yet is written as recorded rather than left out.
 */
final class AuditExport {

    static final ExcelTable<AuditRecord> TABLE = ExcelTable.of("audit",
            ExcelColumn.dateTime("occurredAt", AuditRecord::occurredAt),
            ExcelColumn.text("actor", AuditExport::actor),
            ExcelColumn.text("action", entry -> text("export.audit.actions." + entry.action().name(),
                    entry.action().name())),
            ExcelColumn.text("entityType", entry -> text("export.audit.entities." + entry.entityType(),
                    entry.entityType())),
            ExcelColumn.text("object", entry -> entry.entityLabel() != null ? entry.entityLabel() : entry.entityId()),
            ExcelColumn.text("clientIp", AuditRecord::clientIp));

    private AuditExport() {
    }

    /** The actor as the log's page names it (decision 0027). */
    static MessageSourceResolvable actor(AuditRecord entry) {
        if ("system".equals(entry.actorName())) {
            return text("export.audit.actors.system", "system");
        }
        if ("anonymous".equals(entry.actorName())) {
            return text("export.audit.actors.anonymous", "anonymous");
        }
        if ("service".equals(entry.actorRole())) {
            return text("export.audit.actors.service", entry.actorName());
        }
        String name = entry.actorDisplayName() != null && !entry.actorDisplayName().isBlank()
                ? entry.actorDisplayName() : entry.actorName();
        // one text per role (林晓峰（店长）): the role's name and how it joins the person's differ by language
        return new DefaultMessageSourceResolvable(new String[] {"export.audit.actorAs." + entry.actorRole()},
                new Object[] {name}, "{0} (" + entry.actorRole() + ")");
    }

    private static MessageSourceResolvable text(String key, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] {key}, null, fallback);
    }
}
