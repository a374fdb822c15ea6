package com.m4s.store.photo;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uploaded photo: who uploaded it and its upright size; the pictures themselves are in object storage. */
@Entity
@Table(name = "photo")
class Photo extends BaseEntity {

    @Column(name = "uploaded_by")
    private String uploadedBy;
    private int width;
    private int height;
    @Column(name = "stored_bytes")
    private long storedBytes;

    protected Photo() {
        // for JPA
        this.uploadedBy = "";
    }

    Photo(String uploadedBy, int width, int height, long storedBytes, Instant now) {
        super(now);
        this.uploadedBy = uploadedBy;
        this.width = width;
        this.height = height;
        this.storedBytes = storedBytes;
    }

    String uploadedBy() { return uploadedBy; }
    int width() { return width; }
    int height() { return height; }
    long storedBytes() { return storedBytes; }
}
