package com.m4s.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's repair orders, without a stack: the same store and day give the same orders; they cover the four
 * accounts, refunds, a reversal and open orders; the demo owner has points past the refund window and points still
 * within it.
 */
class DemoRepairOrdersTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");
    private static final DemoRepairOrders.Customer OWNER =
            new DemoRepairOrders.Customer("owner-id", "粤A12345", "LBVCU31080S000001");
    private static final List<DemoRepairOrders.Customer> OTHERS = List.of(
            new DemoRepairOrders.Customer("m1", "粤A6B888", null), new DemoRepairOrders.Customer("m2", null, null));

    @Test
    void theSameStoreAndDayGiveTheSameOrders() {
        assertThat(DemoRepairOrders.orders("gz_tianhe", OWNER, OTHERS, NOW))
                .isEqualTo(DemoRepairOrders.orders("gz_tianhe", OWNER, OTHERS, NOW))
                .isNotEqualTo(DemoRepairOrders.orders("sz_futian", OWNER, OTHERS, NOW));
    }

    @Test
    void theOrdersCoverEveryAccountRefundsAReversalAndOpenOrders() {
        List<Map<String, Object>> orders = DemoRepairOrders.orders("gz_tianhe", OWNER, OTHERS, NOW);
        assertThat(orders).hasSize(DemoRepairOrders.ORDERS);
        assertThat(orders.getFirst().get("dmsNumber")).isEqualTo("WX-TH-00001");
        assertThat(orders.stream().map(o -> o.get("dmsNumber")).distinct()).hasSize(DemoRepairOrders.ORDERS);
        assertThat(lines(orders).stream().map(l -> l.get("accountType")).collect(Collectors.toSet()))
                .isEqualTo(Set.of("CUSTOMER", "INSURANCE", "WARRANTY", "INTERNAL"));
        assertThat(orders.stream().filter(o -> o.get("status").equals("REVERSED"))).hasSize(1);
        assertThat(orders.stream().filter(o -> o.get("status").equals("OPEN"))).hasSize(2)
                .allSatisfy(o -> assertThat(o.get("settledAt")).isNull());
        assertThat(lines(orders).stream().filter(l -> Boolean.TRUE.equals(l.get("refunded")))).hasSizeGreaterThan(1);
        assertThat(orders).allSatisfy(o -> {
            if (o.get("settledAt") != null) {
                assertThat(Instant.parse((String) o.get("settledAt"))).isBefore(NOW);
            }
        });
    }

    @Test
    void theDemoOwnerHasAvailableAndPendingPointsOnAllFourAccounts() {
        List<Map<String, Object>> mine = DemoRepairOrders.orders("gz_tianhe", OWNER, OTHERS, NOW).stream()
                .filter(o -> o.get("memberId").equals("owner-id")).toList();
        assertThat(mine).hasSize(3);
        Instant refundWindow = NOW.minus(Duration.ofDays(7));
        assertThat(mine.stream().filter(o -> Instant.parse((String) o.get("settledAt")).isBefore(refundWindow)))
                .hasSize(2);
        assertThat(mine.stream().filter(o -> Instant.parse((String) o.get("settledAt")).isAfter(refundWindow)))
                .hasSize(1);
        assertThat(lines(mine.subList(1, 2)).stream().map(l -> l.get("accountType")).collect(Collectors.toSet()))
                .isEqualTo(Set.of("CUSTOMER", "INSURANCE", "WARRANTY", "INTERNAL"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(List<Map<String, Object>> orders) {
        List<Map<String, Object>> lines = new ArrayList<>();
        orders.forEach(o -> lines.addAll((List<Map<String, Object>>) o.get("lines")));
        return lines;
    }
}
