package com.m4s.store.photo;

import com.m4s.platform.jobs.StoreJob;
import com.m4s.platform.storage.ObjectStorage;
import com.m4s.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a store's photos that no record references any more and that are older than the grace period, as the
 * per-store job {@value #JOB} (decision 0016): its pictures from object storage, then its row (audited like every
 * store write). Uploads that were never attached (a form left without submitting, a picture replaced before saving)
 * and pictures a record dropped would otherwise stay forever.
 *
 * <p>The grace period is what lets a form upload first and submit later: a photo younger than it is never looked at.
 * Beyond that, the photo rows are the lock between the two sides: the cleanup locks the rows it looks at
 * ({@code FOR UPDATE SKIP LOCKED}) before it asks the holders, and a form locks the photos it attaches for share
 * ({@link Photos#requireAttachable}); so an attach either commits its reference first (the row is skipped or found
 * referenced) or waits and finds the photo gone (422 unknown-photo), never a reference to a deleted photo.
 */
@Component
class PhotoCleanup implements StoreJob {

    static final String JOB = "photo-cleanup";

    private static final Logger log = LoggerFactory.getLogger(PhotoCleanup.class);
    private static final Instant START = Instant.EPOCH;
    private static final UUID FIRST = new UUID(0, 0);

    private final PhotoRepository photos;
    private final List<PhotoHolder> holders;
    private final ObjectStorage storage;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PhotoCleanupProperties properties;

    PhotoCleanup(PhotoRepository photos, List<PhotoHolder> holders, ObjectStorage storage, TransactionTemplate tx,
            Clock clock, PhotoCleanupProperties properties) {
        if (holders.isEmpty()) {
            // without a holder every old photo would look unreferenced
            throw new IllegalStateException("photo cleanup: no PhotoHolder beans, so no photo could be told in use");
        }
        this.photos = photos;
        this.holders = List.copyOf(holders);
        this.storage = storage;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public Duration interval() {
        return properties.interval();
    }

    @Override
    public void run(Tenant store) {
        Result result = sweep(store.storeCode());
        if (result.deleted() > 0 || result.kept() > 0) {
            log.info("photo cleanup of store {}: {} deleted ({} bytes), {} kept as referenced, of {} photos older than"
                    + " {} h", store.storeCode(), result.deleted(), result.bytes(), result.kept(),
                    result.deleted() + result.kept(), properties.grace().toHours());
        }
    }

    /** What a sweep did. */
    record Result(int deleted, int kept, long bytes) {
    }

    /** Sweeps the current store in batches, each in its own transaction, oldest photos first. */
    Result sweep(String store) {
        Instant before = clock.instant().minus(properties.grace());
        int deleted = 0;
        int kept = 0;
        long bytes = 0;
        Instant afterAt = START;
        UUID afterId = FIRST;
        while (true) {
            Instant fromAt = afterAt;
            UUID fromId = afterId;
            Batch batch = tx.execute(status -> batch(store, before, fromAt, fromId));
            if (batch == null || batch.seen() == 0) {
                return new Result(deleted, kept, bytes);
            }
            deleted += batch.deleted();
            kept += batch.seen() - batch.deleted();
            bytes += batch.bytes();
            if (batch.seen() < properties.batch()) {
                return new Result(deleted, kept, bytes);
            }
            afterAt = batch.lastAt();
            afterId = batch.lastId();
        }
    }

    private record Batch(int seen, int deleted, long bytes, Instant lastAt, UUID lastId) {
    }

    private Batch batch(String store, Instant before, Instant afterAt, UUID afterId) {
        List<Photo> old = photos.lockOlderThan(before, afterAt, afterId, properties.batch());
        if (old.isEmpty()) {
            return new Batch(0, 0, 0, afterAt, afterId);
        }
        List<UUID> ids = old.stream().map(Photo::id).toList();
        Set<UUID> referenced = new HashSet<>();
        for (PhotoHolder holder : holders) {
            referenced.addAll(holder.referenced(ids));
        }
        List<Photo> unused = new ArrayList<>();
        long bytes = 0;
        for (Photo photo : old) {
            if (!referenced.contains(photo.id())) {
                // objects first: a failure leaves the row, and the next sweep deletes the rest (deletes are idempotent)
                for (PhotoSize size : PhotoSize.values()) {
                    storage.delete(Photos.key(store, photo.id(), size));
                }
                unused.add(photo);
                bytes += photo.storedBytes();
            }
        }
        photos.deleteAll(unused);
        Photo last = old.getLast();
        return new Batch(old.size(), unused.size(), bytes, last.createdAt(), last.id());
    }
}
