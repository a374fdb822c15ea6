package com.m4s.store.member;

import static com.m4s.store.member.MemberFixtures.member;
import static com.m4s.store.member.MemberFixtures.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.StoreConsoleTest;
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
 * A manager exports the member list to Excel with the list's search: the file holds exactly the members the list
 * shows for it, in its order, headed in the caller's language, with times in the store's zone (decision 0024).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberExportTest extends StoreConsoleTest {

    private static final String STORE = "exp_members";
    /** Not the server's zone nor Shanghai's: the file's times must be the store's own. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Urumqi");
    private static final String MEMBERS = "/api/stores/" + STORE + "/members";
    private static final String EXPORT = MEMBERS + "/export";

    private final List<Instant> created = new ArrayList<>();

    @BeforeAll
    void membersCreatedAMinuteApart() {
        assertThat(asService().put("/internal/stores/" + STORE, Map.of("groupCode", GROUP, "timeZone", ZONE.getId()))
                .status()).isEqualTo(200);
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String manager = TestUsers.manager(GROUP, STORE);
        List<Map<String, Object>> members = List.of(
                member("陈一", "13700000001", vehicle("粤A10001", "LSVAA4182E2100001")),
                member("李四", "13700000002", vehicle("粤A10002", "LSVAA4182E2100002")),
                member("陈二", "13700000003", vehicle("粤A10003", "LSVAA4182E2100003"),
                        vehicle("粤A10004", "LSVAA4182E2100004")),
                member("王五", "13700000004"),
                member("陈三", "13700000005"));
        clock.freeze();
        for (int i = 0; i < members.size(); i++) {
            Instant at = start.plus(i, ChronoUnit.MINUTES);
            clock.set(at);
            assertThat(as(manager).post(MEMBERS, members.get(i)).status()).isEqualTo(201);
            created.add(at);
        }
        clock.reset();
    }

    @Test
    void exportsExactlyTheMembersTheSearchFindsInTheListsOrderWithChineseHeadersAndStoreTimes() {
        Download file = Download.get(port, EXPORT + "?q=" + encode("陈") + "&sort=createdAt,asc",
                token(TestUsers.manager(GROUP, STORE)), "zh-CN");

        assertThat(file.status()).as(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String today = LocalDateTime.now(ZONE).toLocalDate().toString();
        assertThat(file.contentDisposition()).isEqualTo("attachment; filename=\"members_" + today + ".xlsx\";"
                + " filename*=UTF-8''" + encode("会员_" + today + ".xlsx"));
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("会员");
            assertThat(texts(sheet.getRow(0), 4)).containsExactly("姓名", "手机号", "车牌", "创建时间");
            assertThat(sheet.getLastRowNum()).as("three members and the header").isEqualTo(3);
            assertThat(texts(sheet.getRow(1), 3)).containsExactly("陈一", "13700000001", "粤A10001");
            assertThat(texts(sheet.getRow(2), 3)).containsExactly("陈二", "13700000003", "粤A10003、粤A10004");
            assertThat(texts(sheet.getRow(3), 2)).containsExactly("陈三", "13700000005");
            assertThat(sheet.getRow(3).getCell(2)).as("no plates, no text").isNull();
            assertThat(sheet.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(2).getCell(3).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.ofInstant(created.get(2), ZONE));
            assertThat(sheet.getRow(2).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void inEnglishTheHeadersAndTheFileNameAreEnglishAndTheNewestComeFirstByDefault() {
        Download file = Download.get(port, EXPORT + "?q=" + encode("陈"), token(TestUsers.manager(GROUP, STORE)), "en");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentDisposition()).contains("filename*=UTF-8''Members_");
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Members");
            assertThat(texts(sheet.getRow(0), 4)).containsExactly("Name", "Phone", "Plates", "Created");
            assertThat(List.of(text(sheet.getRow(1), 0), text(sheet.getRow(2), 0), text(sheet.getRow(3), 0)))
                    .containsExactly("陈三", "陈二", "陈一");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutASearchEveryMemberIsExported() {
        Download file = Download.get(port, EXPORT, token(TestUsers.manager(GROUP, STORE)), "zh-CN");

        try (XSSFWorkbook book = file.workbook()) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(5);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void staffWhoMayReadMembersMayNotExportThemAndAnUnknownSortIsRefused() {
        String sales = token(TestUsers.staff(GROUP, STORE, com.m4s.platform.security.Departments.SALES));
        assertThat(as(TestUsers.staff(GROUP, STORE, com.m4s.platform.security.Departments.SALES)).get(MEMBERS)
                .status()).isEqualTo(200);
        assertThat(Download.get(port, EXPORT, sales, "zh-CN").status()).isEqualTo(403);
        assertThat(Download.get(port, EXPORT + "?sort=password,asc", token(TestUsers.manager(GROUP, STORE)), "zh-CN")
                .status()).isEqualTo(400);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> texts(Row row, int columns) {
        assertThat(row.getLastCellNum()).isGreaterThanOrEqualTo((short) columns);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            texts.add(text(row, i));
        }
        return texts;
    }

    private static String text(Row row, int column) {
        return row.getCell(column) == null ? "" : row.getCell(column).getStringCellValue();
    }
}
