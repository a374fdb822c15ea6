package com.m4s.store.repairorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A car comes in three times: each repair order's odometer reading joins the car's history in the order's own
 * transaction; the same order sent again adds nothing, a corrected mileage replaces its order's reading, and a reading
 * lower than the one before it is kept and flagged. The car's mileage is its latest reading.
 */
class MileageHistoryTest extends StoreConsoleTest {

    private static final String STORE = "ro_mileage";
    private static final String BASE = "/api/stores/" + STORE;
    private static final String PLATE = "粤A8M123";
    private static final String VIN = "LSVAM4187C2008123";

    @Test
    void eachOrderReadsTheOdometerOnceAndABackwardReadingIsFlagged() {
        provision(STORE);
        Api manager = as(TestUsers.manager(GROUP, STORE));
        JsonNode member = manager.post(BASE + "/members", Map.of("profile", Map.of("name", "里程车主", "phone",
                "13712348123"), "vehicles", List.of(Map.of("plate", PLATE, "vin", VIN, "model", "迈腾",
                        "mileageKm", 8000)))).json();
        String memberId = member.path("id").asString();
        String vehicleId = member.path("vehicles").get(0).path("id").asString();
        String history = BASE + "/members/" + memberId + "/vehicles/" + vehicleId + "/mileage";
        assertThat(manager.get(history).json().size()).as("no order yet").isZero();

        assertThat(send(manager, "RO-MI-1", memberId, "2026-09-01T02:00:00Z", 10_000)).isEqualTo("CREATED");
        assertThat(send(manager, "RO-MI-1", memberId, "2026-09-01T02:00:00Z", 10_000)).isEqualTo("UNCHANGED");
        assertThat(readings(manager, history)).containsExactly("RO-MI-1 10000 ok");
        assertThat(mileage(manager, memberId)).isEqualTo(10_000);

        assertThat(send(manager, "RO-MI-2", memberId, "2026-10-01T02:00:00Z", 15_000)).isEqualTo("CREATED");
        assertThat(send(manager, "RO-MI-2", memberId, "2026-10-01T02:00:00Z", 15_500)).as("mileage corrected")
                .isEqualTo("UPDATED");
        assertThat(readings(manager, history)).containsExactly("RO-MI-2 15500 ok", "RO-MI-1 10000 ok");
        assertThat(mileage(manager, memberId)).isEqualTo(15_500);

        // the plate only, in lower case with a space: the same car
        Map<String, Object> third = order("RO-MI-3", memberId, "2026-11-01T02:00:00Z", 9_000);
        third.put("plate", "粤a 8m123");
        third.remove("vin");
        assertThat(outcome(manager.post(BASE + "/repair-orders/batch", Map.of("orders", List.of(third)))))
                .isEqualTo("CREATED");
        assertThat(readings(manager, history)).containsExactly("RO-MI-3 9000 rollback", "RO-MI-2 15500 ok",
                "RO-MI-1 10000 ok");
        assertThat(mileage(manager, memberId)).as("the latest reading, flagged or not").isEqualTo(9_000);
        JsonNode latest = manager.get(history).json().get(0);
        assertThat(latest.path("readAt").asString()).isEqualTo("2026-11-01T02:00:00Z");
        assertThat(latest.path("source").asString()).isEqualTo("REPAIR_ORDER");

        // the second order's odometer corrected below the third's: the flag moves with the history
        assertThat(send(manager, "RO-MI-2", memberId, "2026-10-01T02:00:00Z", 8_500)).isEqualTo("UPDATED");
        assertThat(readings(manager, history)).containsExactly("RO-MI-3 9000 ok", "RO-MI-2 8500 rollback",
                "RO-MI-1 10000 ok");

        assertThat(manager.get(BASE + "/members/" + memberId + "/vehicles/" + java.util.UUID.randomUUID()
                + "/mileage").status()).isEqualTo(404);
        assertThat(as(TestUsers.staff(GROUP, STORE, "workshop")).get(history).status()).as("any reader of members")
                .isEqualTo(200);

        // the owner signs up in the owner app and sees their own car's readings, not another car's
        Api owner = signUpOwner("13712348123");
        List<String> own = new ArrayList<>();
        owner.get(BASE + "/me/vehicles/" + vehicleId + "/mileage").json()
                .forEach(r -> own.add(r.path("sourceRef").asString() + " " + r.path("mileageKm").asInt()));
        assertThat(own).containsExactly("RO-MI-3 9000", "RO-MI-2 8500", "RO-MI-1 10000");
        String otherCar = manager.post(BASE + "/members", Map.of("profile", Map.of("name", "别的车主", "phone",
                "13712348124"), "vehicles", List.of(Map.of("plate", "粤A8M124", "vin", "LSVAM4187C2008124",
                        "model", "朗逸")))).json().path("vehicles").get(0).path("id").asString();
        assertThat(owner.get(BASE + "/me/vehicles/" + otherCar + "/mileage").status()).isEqualTo(404);
    }

    /** An owner login for the member with this (test) phone, made through the owner sign-up with the code sent. */
    private Api signUpOwner(String phone) {
        assertThat(anonymous().post(BASE + "/owner-signup/codes", Map.of("phone", phone)).status()).isEqualTo(202);
        String body = com.m4s.platform.test.Eventually.await(java.time.Duration.ofSeconds(10), "the sign-up code",
                () -> anonymous().get(BASE + "/owner-signup/development-inbox?phone=" + phone).json()
                        .path("messages").path(0).path("body").asString(""), b -> !b.isEmpty());
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])").matcher(body);
        assertThat(code.find()).as(body).isTrue();
        Api.Response signedUp = anonymous().post(BASE + "/owner-signup", Map.of("phone", phone, "code",
                code.group(1), "password", "Mileage2026go"));
        assertThat(signedUp.status()).as(signedUp.raw()).isEqualTo(201);
        return anonymous().withToken(com.m4s.platform.test.TestKeycloak.passwordToken(
                signedUp.json().path("username").asString(), "Mileage2026go"));
    }

    private static String send(Api api, String number, String memberId, String openedAt, int km) {
        return outcome(api.post(BASE + "/repair-orders/batch",
                Map.of("orders", List.of(order(number, memberId, openedAt, km)))));
    }

    private static String outcome(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode result = r.json().path("orders").get(0);
        assertThat(result.path("problem").isNull() || result.path("problem").isMissingNode()).as(r.raw()).isTrue();
        return result.path("outcome").asString();
    }

    private static Map<String, Object> order(String number, String memberId, String openedAt, int km) {
        Map<String, Object> order = new java.util.LinkedHashMap<>();
        order.put("dmsNumber", number);
        order.put("memberId", memberId);
        order.put("plate", PLATE);
        order.put("vin", VIN);
        order.put("mileageKm", km);
        order.put("openedAt", openedAt);
        order.put("status", "OPEN");
        order.put("lines", List.of(Map.of("lineNo", 1, "kind", "LABOUR", "description", "保养", "quantity", "1",
                "amount", Map.of("amount", "300.00"), "accountType", "CUSTOMER", "refunded", false)));
        return order;
    }

    private static List<String> readings(Api api, String history) {
        List<String> readings = new ArrayList<>();
        api.get(history).json().forEach(r -> readings.add(r.path("sourceRef").asString() + " "
                + r.path("mileageKm").asInt() + " " + (r.path("rollback").asBoolean() ? "rollback" : "ok")));
        return readings;
    }

    private static int mileage(Api api, String memberId) {
        return api.get(BASE + "/members/" + memberId).json().path("vehicles").get(0).path("mileageKm").asInt();
    }
}
