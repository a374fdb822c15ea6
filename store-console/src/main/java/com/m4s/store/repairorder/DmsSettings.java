package com.m4s.store.repairorder;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The store's DMS import setting: what becomes of an order whose customer matches no member. */
@Component
public class DmsSettings {

    /** The setting as the API shows and takes it. */
    public record Setting(UnknownCustomer unknownCustomer, long version) {
    }

    private final DmsSettingRepository settings;
    private final Clock clock;

    DmsSettings(DmsSettingRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The current store's choice; {@link UnknownCustomer#CREATE} until a manager changes it. */
    @Transactional(readOnly = true)
    public UnknownCustomer unknownCustomer() {
        return settings.current().map(DmsSetting::unknownCustomer).orElse(UnknownCustomer.CREATE);
    }

    @Transactional(readOnly = true)
    public Setting get() {
        return settings.current().map(s -> new Setting(s.unknownCustomer(), s.version()))
                .orElse(new Setting(UnknownCustomer.CREATE, 0));
    }

    @Transactional
    public Setting change(UnknownCustomer unknownCustomer) {
        DmsSetting setting = settings.current().map(s -> {
            s.change(unknownCustomer, clock.instant());
            return s;
        }).orElseGet(() -> new DmsSetting(unknownCustomer, clock.instant()));
        DmsSetting saved = settings.saveAndFlush(setting);
        return new Setting(saved.unknownCustomer(), saved.version());
    }
}
