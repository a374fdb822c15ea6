package com.m4s.store.usedcar;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A car consigned for sale through the store, with its review and listing. Each method is one move of the workflow
 * and assumes the caller checked {@link UsedCarStatus#allows}.
 */
@Entity
@Table(name = "used_car")
class UsedCar extends BaseEntity {

    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private UsedCarStatus status;
    private String make;
    private String model;
    @Column(name = "model_year")
    private int year;
    @Column(name = "mileage_km")
    private int mileageKm;
    private String city;
    @Enumerated(EnumType.STRING)
    private Gearbox gearbox;
    @Enumerated(EnumType.STRING)
    @Column(name = "emission_standard")
    private EmissionStandard emissionStandard;
    private @Nullable String colour;
    @Column(name = "price_wish_yuan")
    private long priceWishYuan;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photos", columnDefinition = "text[]")
    private List<String> photos = new ArrayList<>();
    @Column(name = "condition_notes")
    private @Nullable String conditionNotes;
    @Column(name = "asking_price_yuan")
    private @Nullable Long askingPriceYuan;
    @Column(name = "condition_report")
    private @Nullable String conditionReport;
    @Column(name = "review_note")
    private @Nullable String reviewNote;
    @Column(name = "reviewed_by")
    private @Nullable String reviewedBy;
    @Column(name = "reserved_note")
    private @Nullable String reservedNote;
    @Column(name = "sold_price_yuan")
    private @Nullable Long soldPriceYuan;
    @Column(name = "submitted_by")
    private String submittedBy;
    private int revision;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "listed_at")
    private @Nullable Instant listedAt;
    @Column(name = "closed_at")
    private @Nullable Instant closedAt;
    /** When the car was last reserved; kept after a release or sale (the dashboard counts reservations by it). */
    @Column(name = "reserved_at")
    private @Nullable Instant reservedAt;

    protected UsedCar() {
        // for JPA, which sets every field right after
        this.memberId = new UUID(0, 0);
        this.status = UsedCarStatus.SUBMITTED;
        this.make = "";
        this.model = "";
        this.city = "";
        this.gearbox = Gearbox.MANUAL;
        this.emissionStandard = EmissionStandard.CN6B;
        this.submittedBy = "";
        this.submittedAt = Instant.EPOCH;
    }

    UsedCar(UUID memberId, UsedCarDetails details, String submittedBy, Instant now) {
        super(now);
        this.memberId = memberId;
        this.status = UsedCarStatus.SUBMITTED;
        this.submittedBy = submittedBy;
        this.revision = 1;
        describe(details, now);
        this.submittedAt = now;
    }

    /** New details from the owner; after a change request this is the resubmission. */
    void edit(UsedCarDetails details, Instant now) {
        describe(details, now);
        if (status == UsedCarStatus.CHANGES_REQUESTED) {
            status = UsedCarStatus.SUBMITTED;
            revision++;
            submittedAt = now;
        }
    }

    void approve(long askingPrice, String report, String reviewer, Instant now) {
        status = UsedCarStatus.LISTED;
        askingPriceYuan = askingPrice;
        conditionReport = report.strip();
        reviewedBy = reviewer;
        reviewNote = null;
        listedAt = now;
        touch(now);
    }

    void requestChanges(String note, String reviewer, Instant now) {
        status = UsedCarStatus.CHANGES_REQUESTED;
        reviewNote = note.strip();
        reviewedBy = reviewer;
        touch(now);
    }

    void reject(String reason, String reviewer, Instant now) {
        status = UsedCarStatus.REJECTED;
        reviewNote = reason.strip();
        reviewedBy = reviewer;
        close(now);
    }

    void updateListing(long askingPrice, String report, Instant now) {
        askingPriceYuan = askingPrice;
        conditionReport = report.strip();
        touch(now);
    }

    void reserve(@Nullable String note, Instant now) {
        status = UsedCarStatus.RESERVED;
        reservedNote = blankToNull(note);
        reservedAt = now;
        touch(now);
    }

    void release(Instant now) {
        status = UsedCarStatus.LISTED;
        reservedNote = null;
        touch(now);
    }

    void sell(@Nullable Long price, Instant now) {
        status = UsedCarStatus.SOLD;
        soldPriceYuan = price;
        close(now);
    }

    void withdraw(@Nullable String reason, Instant now) {
        status = UsedCarStatus.WITHDRAWN;
        if (reason != null && !reason.isBlank()) {
            reviewNote = reason.strip();
        }
        close(now);
    }

    private void describe(UsedCarDetails d, Instant now) {
        make = d.make().strip();
        model = d.model().strip();
        year = d.year();
        mileageKm = d.mileageKm();
        city = d.city().strip();
        gearbox = d.gearbox();
        emissionStandard = d.emissionStandard();
        colour = blankToNull(d.colour());
        priceWishYuan = d.priceWishYuan();
        photos = new ArrayList<>(d.photoList());
        conditionNotes = blankToNull(d.conditionNotes());
        touch(now);
    }

    private void close(Instant now) {
        closedAt = now;
        touch(now);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    UUID memberId() { return memberId; }
    UsedCarStatus status() { return status; }
    String make() { return make; }
    String model() { return model; }
    int year() { return year; }
    int mileageKm() { return mileageKm; }
    String city() { return city; }
    Gearbox gearbox() { return gearbox; }
    EmissionStandard emissionStandard() { return emissionStandard; }
    @Nullable String colour() { return colour; }
    long priceWishYuan() { return priceWishYuan; }
    List<String> photos() { return List.copyOf(photos); }
    @Nullable String conditionNotes() { return conditionNotes; }
    @Nullable Long askingPriceYuan() { return askingPriceYuan; }
    @Nullable String conditionReport() { return conditionReport; }
    @Nullable String reviewNote() { return reviewNote; }
    @Nullable String reviewedBy() { return reviewedBy; }
    @Nullable String reservedNote() { return reservedNote; }
    @Nullable Long soldPriceYuan() { return soldPriceYuan; }
    String submittedBy() { return submittedBy; }
    int revision() { return revision; }
    Instant submittedAt() { return submittedAt; }
    @Nullable Instant listedAt() { return listedAt; }
    @Nullable Instant closedAt() { return closedAt; }
}
