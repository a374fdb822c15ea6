package com.m4s.store.usedcar;

import com.m4s.platform.events.ReceivedEvent;
import com.m4s.platform.search.IndexChange;
import com.m4s.platform.search.StoreIndexedKind;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Used cars as search documents: every car in every state is indexed (the status is a field), so a sale or a
 * withdrawal is a versioned update that can never be undone by a late event; the market shows only cars on the
 * market. No seller data is indexed.
 */
@Component
class UsedCarSearchKind extends StoreIndexedKind {

    static final String NAME = "used-cars";

    private final UsedCarRepository cars;
    private final TenantRegistry tenants;
    private final JsonMapper json;

    UsedCarSearchKind(UsedCarRepository cars, TenantRegistry tenants, TransactionTemplate tx, JsonMapper json) {
        super(NAME, tx);
        this.cars = cars;
        this.tenants = tenants;
        this.json = json;
    }

    @Override
    public Collection<String> topics() {
        return Set.of(UsedCarEvents.TOPIC);
    }

    @Override
    public Optional<IndexChange> change(ReceivedEvent event) {
        return Optional.of(changeOf(json.readValue(event.payload(), UsedCarEvents.UsedCarChanged.class)));
    }

    @Override
    protected List<IndexChange> page(Tenant store, UUID after, int size) {
        String group = tenants.find(store.storeCode()).map(TenantRegistry.Entry::groupCode).orElse(null);
        return cars.after(after, PageRequest.of(0, size)).stream()
                .map(car -> changeOf(UsedCarEvents.UsedCarChanged.of(car, store.storeCode(), group))).toList();
    }

    static IndexChange changeOf(UsedCarEvents.UsedCarChanged car) {
        return new IndexChange(car.usedCarId().toString(), car.store(), car.group(), car.version(), document(car));
    }

    static Map<String, Object> document(UsedCarEvents.UsedCarChanged car) {
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("id", car.usedCarId().toString());
        d.put("store", car.store());
        d.put("group", car.group());
        d.put("status", car.status().name());
        d.put("make", car.make());
        d.put("model", car.model());
        d.put("title", car.make() + " " + car.model() + " " + car.year() + "款");
        d.put("conditionReport", car.conditionReport());
        d.put("year", car.year());
        d.put("mileageKm", car.mileageKm());
        d.put("city", car.city());
        d.put("gearbox", car.gearbox().name());
        d.put("emissionStandard", car.emissionStandard().name());
        d.put("colour", car.colour());
        d.put("askingPriceYuan", car.askingPriceYuan());
        d.put("photos", car.photos());
        d.put("submittedAt", car.submittedAt().toString());
        d.put("listedAt", car.listedAt() == null ? null : car.listedAt().toString());
        d.put("version", car.version());
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) (Map<String, ?>) d;
        return document;
    }
}
