package com.m4s.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.security.Departments;
import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.StoreConsoleTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A manager exports the audit log with the list's filters: the file holds exactly the entries the list shows for
 * them, newest first, each as the page reads it (the actor's name and role, the action and the kind of object in
 * Chinese, the object's name), with times in the store's zone (decisions 0024, 0027).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportTest extends StoreConsoleTest {

    private static final String STORE = "exp_audit";
    /** Not the server's zone nor Shanghai's: the file's times must be the store's own. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Urumqi");
    private static final String AUDIT = "/api/stores/" + STORE + "/audit";
    private static final String EXPORT = AUDIT + "/export";

    private String manager;
    /** when each change was made, a minute apart: 甲 created, 乙 created, 甲 renamed, a car added to 乙 */
    private final List<Instant> at = new ArrayList<>();

    @BeforeAll
    void fourChangesAMinuteApart() {
        assertThat(asService().put("/internal/stores/" + STORE, Map.of("groupCode", GROUP, "timeZone", ZONE.getId()))
                .status()).isEqualTo(200);
        manager = TestUsers.manager(GROUP, STORE);
        String members = "/api/stores/" + STORE + "/members";
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        clock.freeze();
        try {
            clock.set(start);
            at.add(start);
            String first = created(as(manager).post(members,
                    Map.of("profile", Map.of("name", "导出甲", "phone", "13600000021"))));
            at.add(start.plus(1, ChronoUnit.MINUTES));
            clock.set(at.get(1));
            String second = created(as(manager).post(members,
                    Map.of("profile", Map.of("name", "导出乙", "phone", "13600000022"))));
            at.add(start.plus(2, ChronoUnit.MINUTES));
            clock.set(at.get(2));
            Api.Response renamed = as(manager).put(members + "/" + first,
                    Map.of("name", "导出甲二", "phone", "13600000021"));
            assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
            at.add(start.plus(3, ChronoUnit.MINUTES));
            clock.set(at.get(3));
            created(as(manager).post(members + "/" + second + "/vehicles",
                    Map.of("plate", "粤A7E002", "vin", "LSVAU2180N2000022", "model", "宝马 325Li")));
        } finally {
            clock.reset();
        }
    }

    @Test
    void exportsExactlyTheFilteredEntriesNewestFirstAsThePageReadsThem() {
        // the members' entries from the second change up to (not including) the fourth: 乙 created, 甲 renamed
        Download file = Download.get(port, EXPORT + "?entityType=member&from=" + at.get(1) + "&to=" + at.get(3),
                token(manager), "zh-CN");

        assertThat(file.status()).as(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String today = LocalDateTime.now(ZONE).toLocalDate().toString();
        assertThat(file.contentDisposition()).isEqualTo("attachment; filename=\"audit_" + today + ".xlsx\";"
                + " filename*=UTF-8''" + encode("操作日志_" + today + ".xlsx"));
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("操作日志");
            assertThat(texts(sheet.getRow(0), 0, 6)).containsExactly("时间", "操作人", "操作", "对象类型", "对象", "来源 IP");
            assertThat(sheet.getLastRowNum()).as("two entries and the header").isEqualTo(2);
            String actor = manager + " Test（店长）";
            assertThat(texts(sheet.getRow(1), 1, 5)).containsExactly(actor, "修改", "会员", "导出甲二");
            assertThat(texts(sheet.getRow(2), 1, 5)).containsExactly(actor, "新建", "会员", "导出乙");
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.ofInstant(at.get(2), ZONE));
            assertThat(sheet.getRow(2).getCell(0).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.ofInstant(at.get(1), ZONE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileHoldsWhatTheListCountsForTheSameFilters() {
        String filters = "?actor=" + manager + "&action=CREATE";
        long listed = as(manager).get(AUDIT + filters).json().path("totalElements").asLong();
        Download file = Download.get(port, EXPORT + filters, token(manager), "en");

        assertThat(listed).as("甲, 乙 and 乙's car").isEqualTo(3);
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Audit log");
            assertThat(texts(sheet.getRow(0), 0, 6)).containsExactly("Time", "By", "Action", "Kind of object", "Object",
                    "Source IP");
            assertThat(sheet.getLastRowNum()).isEqualTo(listed);
            assertThat(texts(sheet.getRow(1), 2, 5)).containsExactly("Created", "Vehicle", "粤A7E002");
            assertThat(texts(sheet.getRow(3), 1, 2)).containsExactly(manager + " Test (Store manager)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void whoMayNotReadTheLogMayNotExportItAndABadFilterIsA400() {
        String sales = TestUsers.staff(GROUP, STORE, Departments.SALES);
        assertThat(as(sales).get(AUDIT).status()).isEqualTo(403);
        assertThat(Download.get(port, EXPORT, token(sales), "zh-CN").status()).isEqualTo(403);
        assertThat(Download.get(port, EXPORT + "?action=RENAME", token(manager), "zh-CN").status()).isEqualTo(400);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> texts(Row row, int first, int end) {
        List<String> texts = new ArrayList<>();
        for (int i = first; i < end; i++) {
            texts.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
        }
        return texts;
    }
}
