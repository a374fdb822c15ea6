package com.m4s.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one gate every store-schema consumer passes: which events run, as which store, and which wait. */
class StoreEventHandlerTest {

    private final Map<String, TenantRegistry.Status> statuses = new java.util.HashMap<>(Map.of(
            "tianhe", TenantRegistry.Status.ACTIVE, "panyu", TenantRegistry.Status.SUSPENDED,
            "baiyun", TenantRegistry.Status.MIGRATING, "huadu", TenantRegistry.Status.READ_ONLY));
    private final TenantRegistry registry = code -> Optional.ofNullable(statuses.get(code))
            .map(status -> new TenantRegistry.Entry(Tenant.of(code, "m4s_store_"), status, null,
                    ZoneId.of("Asia/Shanghai")));
    private final List<String> handled = new ArrayList<>();
    private final StoreEventHandler handler = new StoreEventHandler(registry) {
        @Override
        protected boolean wants(String eventType) {
            return eventType.startsWith("Wanted");
        }

        @Override
        protected void handleInStore(ReceivedEvent event) {
            handled.add(event.type() + "@" + TenantContext.require().storeCode());
        }
    };

    @Test
    void wantedEventsOfActiveStoresRunAsTheirStoreAndOthersArePassedOver() throws Exception {
        handler.handle(List.of(event("WantedA", "tianhe"), event("Other", "tianhe"), event("WantedB", "panyu"),
                event("WantedC", "nowhere"), event("WantedD", "tianhe")));

        assertThat(handled).containsExactly("WantedA@tianhe", "WantedD@tianhe");
        assertThat(TenantContext.current()).isEmpty();
    }

    @Test
    void aReadOnlyStoresEventsStillRunSoNothingIsMissingWhenItIsWritableAgain() throws Exception {
        handler.handle(List.of(event("WantedA", "huadu"), event("WantedB", "panyu")));

        assertThat(handled).containsExactly("WantedA@huadu");
    }

    @Test
    void aStoreBeingMigratedFailsTheBatchSoItIsHandedOverAgain() throws Exception {
        assertThatThrownBy(() -> handler.handle(List.of(event("WantedA", "tianhe"), event("WantedB", "baiyun"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baiyun");
        assertThat(handled).containsExactly("WantedA@tianhe");

        statuses.put("baiyun", TenantRegistry.Status.ACTIVE);
        handler.handle(List.of(event("Other", "baiyun"), event("WantedB", "baiyun")));
        assertThat(handled).containsExactly("WantedA@tianhe", "WantedB@baiyun");
    }

    private static ReceivedEvent event(String type, String store) {
        return new ReceivedEvent(UUID.randomUUID(), type, store, Instant.parse("2026-12-03T02:00:00Z"), 1,
                "m4s.test", 0, 0, "{}");
    }
}
