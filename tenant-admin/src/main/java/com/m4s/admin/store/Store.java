package com.m4s.admin.store;

import com.m4s.platform.entity.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A store in the tenant directory: where it belongs, where its data lives and whether it can be used. */
@Entity
@Table(name = "store")
class Store extends TimestampedEntity {

    static final int REASON_LENGTH = 1000;

    @Id
    private String code;
    @Column(name = "group_code")
    private String groupCode;
    private String name;
    private String city;
    private String brand;
    private @Nullable String address;
    private @Nullable String phone;
    @Column(name = "time_zone")
    private String timeZone;
    private String cluster;
    @Enumerated(EnumType.STRING)
    private StoreStatus status;
    @Column(name = "failure_reason")
    private @Nullable String failureReason;
    @Column(name = "provisioning_attempts")
    private int provisioningAttempts;
    @Column(name = "provisioned_at")
    private @Nullable Instant provisionedAt;

    protected Store() {
        this("", "", new Stores.NewStore("", "", "", "", "", null, null), Instant.EPOCH);
    }

    Store(String code, String groupCode, Stores.NewStore details, Instant now) {
        super(now);
        this.code = code;
        this.groupCode = groupCode;
        this.name = details.name().strip();
        this.city = details.city().strip();
        this.brand = details.brand().strip();
        this.address = blankToNull(details.address());
        this.phone = blankToNull(details.phone());
        this.timeZone = details.timeZone();
        this.cluster = "default";
        this.status = StoreStatus.PROVISIONING;
    }

    /** Starts (another) provisioning attempt; only a FAILED or PROVISIONING store may be provisioned again. */
    boolean startProvisioning(Instant now) {
        if (status != StoreStatus.FAILED && status != StoreStatus.PROVISIONING) {
            return false;
        }
        status = StoreStatus.PROVISIONING;
        failureReason = null;
        provisioningAttempts++;
        touch(now);
        return true;
    }

    /** Records a successful provisioning; true if the store became ACTIVE by it (it was still PROVISIONING). */
    boolean provisioned(Instant now) {
        if (status == StoreStatus.PROVISIONING) {
            status = StoreStatus.ACTIVE;
            provisionedAt = now;
            touch(now);
            return true;
        }
        return false;
    }

    void provisioningFailed(String reason, Instant now) {
        if (status == StoreStatus.PROVISIONING) {
            status = StoreStatus.FAILED;
            failureReason = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
            touch(now);
        }
    }

    /** True if the status changed (repeating a suspension or reactivation changes nothing). */
    boolean changeStatus(StoreStatus to, Instant now) {
        if (status == to) {
            return false;
        }
        status = to;
        touch(now);
        return true;
    }

    /** Changes what people read about the store: its name, address and phone; true if anything changed. */
    boolean describe(Stores.StoreDetails details, Instant now) {
        String newName = details.name().strip();
        String newAddress = blankToNull(details.address());
        String newPhone = blankToNull(details.phone());
        if (newName.equals(name) && java.util.Objects.equals(newAddress, address)
                && java.util.Objects.equals(newPhone, phone)) {
            return false;
        }
        name = newName;
        address = newAddress;
        phone = newPhone;
        touch(now);
        return true;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    String code() {
        return code;
    }

    String groupCode() {
        return groupCode;
    }

    StoreStatus status() {
        return status;
    }

    Stores.StoreView view() {
        return new Stores.StoreView(code, groupCode, name, city, brand, address, phone, timeZone, cluster, status,
                failureReason, provisioningAttempts, provisionedAt, createdAt(), updatedAt(), version());
    }
}
