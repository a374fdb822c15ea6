package com.m4s.store.stockalert;

import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.notification.Notifications;
import com.m4s.store.staff.Staff;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's stock alerts (decision 0053). {@link #check} compares what the features that keep stock report now
 * ({@link StockWatch}) with the open alerts: an alert whose condition ended is cleared, a condition without an open
 * alert is raised as a new episode, and the staff who keep such items get an inbox message — one per alert, or one
 * digest per kind of item when a check raises more than {@value #DIGEST_ABOVE} of that kind. Checks of one store are
 * serial (a transaction-scoped advisory lock), and the database refuses a second open episode of an item and kind.
 */
@Service
public class StockAlerts {

    /** More new alerts of one kind of item than this in one check: one digest message instead of one each. */
    static final int DIGEST_ABOVE = 5;

    /** What one check did. */
    record Outcome(int raised, int cleared) {
    }

    private final List<StockWatch> watches;
    private final StockAlertRepository alerts;
    private final StockAlertList list;
    private final StockAlertSettings settings;
    private final Staff staff;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    StockAlerts(List<StockWatch> watches, StockAlertRepository alerts, StockAlertList list,
            StockAlertSettings settings, Staff staff, Notifications notifications, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock) {
        this.watches = watches;
        this.alerts = alerts;
        this.list = list;
        this.settings = settings;
        this.staff = staff;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Raises and clears the current store's alerts as its stock stands now, on the store's clock. Keycloak is asked
     * who keeps the items before the transaction that raises them, and only when there is something to raise.
     */
    Outcome check() {
        Instant now = clock.instant();
        StockAlertSettings.StockAlertSettingsView rule = settings.view();
        Integer days = rule.slowMovingEnabled() ? rule.slowMovingDays() : null;
        Map<StockWatch.Key, StockWatch.Condition> found = new LinkedHashMap<>();
        for (StockWatch watch : watches) {
            watch.conditions(now, days).forEach(c -> found.putIfAbsent(c.key(), c));
        }
        Set<StockWatch.Key> open = tx.execute(status -> alerts.findByClearedAtIsNull().stream().map(StockAlert::key)
                .collect(Collectors.toSet()));
        boolean anyNew = found.keySet().stream().anyMatch(k -> open == null || !open.contains(k));
        Map<StockItemKind, List<String>> keepers = new EnumMap<>(StockItemKind.class);
        if (anyNew) {
            found.values().stream().map(StockWatch.Condition::itemKind).distinct()
                    .forEach(kind -> keepers.put(kind, staff.loginsWith(kind.keepers())));
        }
        Outcome outcome = tx.execute(status -> reconcile(found, keepers, now));
        return outcome == null ? new Outcome(0, 0) : outcome;
    }

    private Outcome reconcile(Map<StockWatch.Key, StockWatch.Condition> found,
            Map<StockItemKind, List<String>> keepers, Instant now) {
        String store = TenantContext.require().storeCode();
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked")
                .param("key", "m4s.stock-alerts." + store).query(Integer.class).single();
        int cleared = 0;
        Set<StockWatch.Key> open = new HashSet<>();
        for (StockAlert alert : alerts.findByClearedAtIsNull()) {
            if (found.containsKey(alert.key())) {
                open.add(alert.key());
            } else {
                alert.clear(now);
                cleared++;
            }
        }
        Map<StockItemKind, List<StockAlert>> raised = new EnumMap<>(StockItemKind.class);
        for (StockWatch.Condition condition : found.values()) {
            if (open.contains(condition.key())) {
                continue;
            }
            List<String> told = keepers.getOrDefault(condition.itemKind(), List.of());
            raised.computeIfAbsent(condition.itemKind(), k -> new ArrayList<>())
                    .add(alerts.save(new StockAlert(condition, told.size(), now)));
        }
        alerts.flush();
        raised.forEach((kind, made) -> tell(store, kind, made, keepers.getOrDefault(kind, List.of())));
        return new Outcome(raised.values().stream().mapToInt(List::size).sum(), cleared);
    }

    /** The inbox messages of the alerts raised now: one per alert and login, or one digest per login. */
    private void tell(String store, StockItemKind kind, List<StockAlert> made, List<String> logins) {
        if (made.size() > DIGEST_ABOVE) {
            long low = made.stream().filter(a -> a.alertKind() == StockAlertKind.LOW_STOCK).count();
            List<String> arguments = List.of(String.valueOf(made.size()), String.valueOf(low),
                    String.valueOf(made.size() - low));
            String link = "/console/" + store + "/stock-alerts?itemKind=" + kind.name();
            UUID event = UUID.nameUUIDFromBytes(("stock-alert-digest:" + made.getFirst().id())
                    .getBytes(StandardCharsets.UTF_8));
            String messageKind = kind == StockItemKind.GIFT ? "stock-alert-gift-digest" : "stock-alert-digest";
            logins.forEach(login -> notifications.post(new Notifications.InboxMessage(login, messageKind, arguments,
                    link, event)));
            return;
        }
        for (StockAlert alert : made) {
            String link = "/console/" + store + (kind == StockItemKind.GIFT ? "/gifts" : "/products") + "?search="
                    + URLEncoder.encode(alert.itemName(), StandardCharsets.UTF_8).replace("+", "%20");
            String messageKind;
            List<String> arguments;
            if (alert.alertKind() == StockAlertKind.SLOW_MOVING) {
                messageKind = "stock-alert-slow-moving";
                arguments = List.of(alert.itemName(), String.valueOf(alert.idleDays()), String.valueOf(alert.stock()));
            } else if (kind == StockItemKind.GIFT) {
                messageKind = "stock-alert-gift-low-stock";
                arguments = List.of(alert.itemName(), String.valueOf(alert.stock()),
                        String.valueOf(alert.lowStockAt()));
            } else {
                messageKind = "stock-alert-low-stock";
                arguments = List.of(alert.itemName(), alert.spec() == null ? "" : alert.spec(),
                        String.valueOf(alert.stock()), String.valueOf(alert.lowStockAt()));
            }
            logins.forEach(login -> notifications.post(new Notifications.InboxMessage(login, messageKind, arguments,
                    link, alert.id())));
        }
    }

    @Transactional(readOnly = true)
    public PageResult<StockAlertViews.StockAlertView> alerts(StockAlertList.Filter filter, SqlPage page) {
        return list.alerts(filter, page);
    }

    /** Every alert the list shows for this filter, one at a time (an export); how many. */
    @Transactional(readOnly = true)
    public long export(StockAlertList.Filter filter, SqlPage order, Consumer<StockAlertViews.StockAlertView> sink) {
        return list.each(filter, order, sink);
    }
}
