package com.m4s.store.usedcar;

import static com.m4s.store.usedcar.UsedCarWorkflowTest.approval;
import static com.m4s.store.usedcar.UsedCarWorkflowTest.car;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.Download;
import com.m4s.store.support.StoreConsoleTest;
import java.io.IOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The used-car list exported with its status filter: typed cells, statuses in the caller's language. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsedCarExportTest extends StoreConsoleTest {

    private static final String STORE = "exp_cars";
    private static final String CARS = "/api/stores/" + STORE + "/used-cars";

    @BeforeAll
    void carsInTwoStates() {
        provision(STORE);
        Api manager = as(TestUsers.manager(GROUP, STORE));
        String memberId = manager.post("/api/stores/" + STORE + "/members",
                Map.of("profile", Map.of("name", "周车主", "phone", "13712349001"))).json().path("id").asString();
        String listed = manager.post(CARS, Map.of("memberId", memberId,
                "car", car("宝马", "3系", 2019, 45_000, 210_000))).json().path("id").asString();
        assertThat(manager.post(CARS + "/" + listed + "/approve", approval(198_000)).status()).isEqualTo(200);
        assertThat(manager.post(CARS, Map.of("memberId", memberId, "car", car("丰田", "凯美瑞", 2020, 30_000, 150_000)))
                .status()).isEqualTo(201);
    }

    @Test
    void exportsOnlyTheCarsOfTheChosenStatusWithNumbersAsNumbersAndTheStatusInChinese() throws IOException {
        Download file = Download.get(port, CARS + "/export?status=LISTED", token(TestUsers.manager(GROUP, STORE)),
                "zh-CN");

        assertThat(file.status()).as(new String(file.body())).isEqualTo(200);
        try (XSSFWorkbook book = file.workbook()) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("二手车");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("品牌");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("标价（元）");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row car = sheet.getRow(1);
            assertThat(car.getCell(0).getStringCellValue()).isEqualTo("宝马");
            assertThat(car.getCell(2).getNumericCellValue()).isEqualTo(2019);
            assertThat(car.getCell(3).getStringCellValue()).isEqualTo("在售");
            assertThat(car.getCell(4).getNumericCellValue()).isEqualTo(45_000);
            assertThat(car.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(car.getCell(7).getNumericCellValue()).isEqualTo(198_000);
            assertThat(car.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("\"¥\"#,##0.00");
        }
    }

    @Test
    void aCarNotYetPricedHasAnEmptyAskingPriceAndTheListAndExportAgree() throws IOException {
        Download file = Download.get(port, CARS + "/export?status=SUBMITTED&q=" + "%E5%87%AF",
                token(TestUsers.manager(GROUP, STORE)), "en");

        assertThat(as(TestUsers.manager(GROUP, STORE)).get(CARS + "?status=SUBMITTED&q=%E5%87%AF").json()
                .path("totalElements").asLong()).isEqualTo(1);
        try (XSSFWorkbook book = file.workbook()) {
            Row car = book.getSheetAt(0).getRow(1);
            assertThat(book.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("Status");
            assertThat(car.getCell(1).getStringCellValue()).isEqualTo("凯美瑞");
            assertThat(car.getCell(7)).isNull();
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
    }
}
