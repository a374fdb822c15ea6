package com.m4s.store.advisor;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the store keeps about an advisor beyond their login (decision 0038): the phone owners call, a photo, the name
 * the DMS writes on repair orders, and whether they take customers now. Keyed by the login's username.
 */
@Entity
@Table(name = "advisor_profile")
class AdvisorProfile extends BaseEntity {

    @Column(updatable = false)
    private String username;
    @Column(name = "dms_name")
    private @Nullable String dmsName;
    private @Nullable String phone;
    @Column(name = "photo_id")
    private @Nullable UUID photoId;
    private boolean active;

    protected AdvisorProfile() {
        this.username = "";
    }

    AdvisorProfile(String username, Instant now) {
        super(now);
        this.username = username;
        this.active = true;
    }

    void change(AdvisorViews.AdvisorProfileChange change, Instant now) {
        this.dmsName = blankToNull(change.dmsName());
        this.phone = blankToNull(change.phone());
        this.photoId = change.photoId();
        this.active = change.active();
        touch(now);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    String username() {
        return username;
    }

    @Nullable String dmsName() {
        return dmsName;
    }

    @Nullable String phone() {
        return phone;
    }

    @Nullable UUID photoId() {
        return photoId;
    }

    boolean active() {
        return active;
    }
}
