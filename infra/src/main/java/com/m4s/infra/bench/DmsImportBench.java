package com.m4s.infra.bench;

import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How fast repair orders come in from a DMS, both ways, through the stack's gateway: a generated file of
 * {@code BENCH_IMPORT_LINES} lines (four per settled order, one line on each account type, each order a new customer
 * who becomes a member) uploaded to the console's file import and followed by its progress until done; then as many
 * lines of other orders and customers through the REST batch ({@code POST …/repair-orders/batch}, 100 orders per
 * request, one request after the other, as a DMS sends them). Both run through the same upsert (hash, member match or
 * creation, points postings, events); the file import runs in the background job, one import at a time per store.
 */
final class DmsImportBench {

    private static final int LINES_PER_ORDER = 4;
    private static final int ORDERS_PER_REQUEST = 100;
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    private static final List<String> HEADER = List.of("工单号", "开单时间", "结算时间", "客户姓名", "手机号", "车牌号",
            "VIN", "里程", "服务顾问", "行号", "类型(工时/配件)", "项目/配件名称", "配件编号", "数量", "金额",
            "账户类型(客户/索赔/内部/保险)", "状态");
    private static final List<String> ACCOUNTS_ZH = List.of("客户", "索赔", "内部", "保险");
    private static final List<String> ACCOUNTS = List.of("CUSTOMER", "WARRANTY", "INTERNAL", "INSURANCE");

    /** Lines per second of each way in. */
    record Result(int lines, Duration file, Duration rest, int membersMade, String fileLoad, String restLoad) {

        double fileRate() {
            return lines * 1e9 / file.toNanos();
        }

        double restRate() {
            return lines * 1e9 / rest.toNanos();
        }

        void summarize(Summary summary) {
            summary.add("DMS file import", Format.of("%d lines (%d orders, a new member each) in %s: %.0f lines/s"
                    + " (target: 10,000 lines in under 60 s); %s", lines, lines / LINES_PER_ORDER,
                    Format.seconds(file), fileRate(), fileLoad));
            summary.add("DMS REST batch", Format.of("%d lines in batches of %d orders in %s: %.0f lines/s; %s", lines,
                    ORDERS_PER_REQUEST, Format.seconds(rest), restRate(), restLoad));
        }
    }

    private final Stack stack;
    private final int lines;

    DmsImportBench(Stack stack, BenchConfig config) {
        this.stack = stack;
        this.lines = config.importLines() / LINES_PER_ORDER * LINES_PER_ORDER;
    }

    Result run(String store) {
        System.out.println();
        System.out.println(Format.of("== 7. DMS import rate in %s: a file of %d lines through the console's import,"
                + " then %d lines through the REST batch", store, lines, lines));
        Api api = new Api(stack.gatewayUrl()).withToken(token());
        String base = "/api/stores/" + store + "/repair-orders";
        byte[] file = csv();
        long started = System.nanoTime();
        Api.Response accepted = api.upload(base + "/imports", "file", "bench.csv", "text/csv", file);
        if (accepted.status() != 202) {
            throw new IllegalStateException("upload gave " + accepted.status() + ": " + accepted.raw());
        }
        String id = accepted.json().path("id").asString();
        JsonNode summary = awaitDone(base + "/imports/" + id);
        Duration fileTime = Duration.ofNanos(System.nanoTime() - started);
        int made = summary.path("membersCreated").asInt();
        String fileLoad = Format.load();
        System.out.println(Format.of("   file: %d lines, %d orders created, %d rejected, %d members made in %s: %.0f"
                + " lines/s; %s", summary.path("rowsDone").asInt(), summary.path("ordersCreated").asInt(),
                summary.path("ordersRejected").asInt(), made, Format.seconds(fileTime),
                lines * 1e9 / fileTime.toNanos(), fileLoad));
        int orders = lines / LINES_PER_ORDER;
        started = System.nanoTime();
        int created = 0;
        for (int from = 0; from < orders; from += ORDERS_PER_REQUEST) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int n = from; n < Math.min(orders, from + ORDERS_PER_REQUEST); n++) {
                batch.add(order(n));
            }
            // a fresh token per request: a large run outlives one
            Api.Response answer = new Api(stack.gatewayUrl()).withToken(token()).post(base + "/batch",
                    Map.of("orders", batch));
            if (answer.status() != 200) {
                throw new IllegalStateException("batch gave " + answer.status() + ": " + answer.raw());
            }
            for (JsonNode result : answer.json().path("orders")) {
                created += result.path("outcome").asString().equals("CREATED") ? 1 : 0;
            }
        }
        Duration restTime = Duration.ofNanos(System.nanoTime() - started);
        String restLoad = Format.load();
        System.out.println(Format.of("   REST batch: %d lines, %d of %d orders created in %s: %.0f lines/s; %s", lines,
                created, orders, Format.seconds(restTime), lines * 1e9 / restTime.toNanos(), restLoad));
        return new Result(lines, fileTime, restTime, made, fileLoad, restLoad);
    }

    /** Follows the import as the page does, until it is done; its summary. */
    private JsonNode awaitDone(String path) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            // a fresh token now and then: a large import outlives one
            JsonNode view = new Api(stack.gatewayUrl()).withToken(token()).get(path).json();
            String status = view.path("summary").path("status").asString();
            if (status.equals("DONE")) {
                return view.path("summary");
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("the import failed: " + view);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the import was not done after " + PATIENCE);
    }

    /** The file: settled orders of four lines, one per account type, each for a customer not seen before. */
    private byte[] csv() {
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (int i = 0; i < lines; i++) {
            int order = i / LINES_PER_ORDER;
            int line = i % LINES_PER_ORDER + 1;
            text.append(String.join(",", "BF-" + order, "2026-11-20 09:00", "2026-11-20 17:30",
                    BenchMembers.name(order), Format.of("136%08d", order), "", "", "42000", "周顾问",
                    String.valueOf(line), line % 2 == 1 ? "工时" : "配件", "项目" + line, "", "1", "88.00",
                    ACCOUNTS_ZH.get(line - 1), "已结算")).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Order {@code n} of the REST batch, shaped as the file's: four lines, a new customer. */
    private static Map<String, Object> order(int n) {
        Instant opened = Instant.parse("2026-11-20T01:00:00Z");
        List<Map<String, Object>> orderLines = new ArrayList<>();
        for (int line = 1; line <= LINES_PER_ORDER; line++) {
            orderLines.add(Map.of("lineNo", line, "kind", line % 2 == 1 ? "LABOUR" : "PART", "description",
                    "项目" + line, "quantity", 1, "amount", Map.of("amount", "88.00", "currency", "CNY"),
                    "accountType", ACCOUNTS.get(line - 1), "refunded", false));
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("dmsNumber", "BR-" + n);
        order.put("customer", Map.of("name", BenchMembers.name(n), "phone", Format.of("137%08d", n)));
        order.put("advisor", "周顾问");
        order.put("mileageKm", 42_000);
        order.put("openedAt", opened.toString());
        order.put("status", "SETTLED");
        order.put("settledAt", opened.plus(Duration.ofHours(8)).toString());
        order.put("lines", orderLines);
        return order;
    }

    private String token() {
        return stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD);
    }
}
