package com.m4s.store.photo;

import com.m4s.platform.imaging.PhotoPipeline;
import com.m4s.platform.imaging.PhotoRejected;
import com.m4s.platform.storage.ObjectKey;
import com.m4s.platform.storage.ObjectStorage;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's photos, for the features that show pictures (used cars now; products and gifts later). A feature keeps
 * photo references — a stored photo's id, or a web link kept from before uploads — and asks here to check new ones
 * and to turn them into signed links.
 */
@Service
public class Photos {

    private final PhotoRepository photos;
    private final PhotoPipeline pipeline;
    private final ObjectStorage storage;
    private final PhotoLinks links;
    private final Clock clock;

    Photos(PhotoRepository photos, PhotoPipeline pipeline, ObjectStorage storage, PhotoLinks links, Clock clock) {
        this.photos = photos;
        this.pipeline = pipeline;
        this.storage = storage;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Processes an upload and keeps its three sizes. The row is written after the pictures: a failure leaves at most
     * unreferenced objects, never a row without its pictures.
     */
    @Transactional
    public PhotoViews.UploadedPhoto upload(byte[] content, String uploadedBy) {
        PhotoPipeline.Processed processed;
        try {
            processed = pipeline.process(content);
        } catch (PhotoRejected e) {
            throw PhotoProblem.of(e, pipeline.properties().maxSize().toBytes());
        }
        String store = TenantContext.require().storeCode();
        List<PhotoPipeline.Rendition> renditions = processed.renditions();
        long bytes = renditions.stream().mapToLong(r -> r.jpeg().length).sum();
        Photo photo = new Photo(uploadedBy, processed.width(), processed.height(), bytes, clock.instant());
        UUID id = photo.id();
        for (PhotoSize size : PhotoSize.values()) {
            PhotoPipeline.Rendition r = renditions.get(Math.min(size.ordinal(), renditions.size() - 1));
            storage.put(key(store, id, size), r.jpeg(), PhotoPipeline.JPEG);
        }
        photos.saveAndFlush(photo);
        PhotoViews.PhotoView view = view(store, id.toString());
        return new PhotoViews.UploadedPhoto(id, view.ref(), processed.width(), processed.height(),
                view.thumbnailUrl(), view.url(), view.largeUrl());
    }

    /**
     * Checks the references a form sends for a feature's record: each is a photo of this store (uploaded by
     * {@code uploader} when given: an owner attaches only their own uploads) or a link the record already has.
     * Anything else is a 422 on {@code field}. The photos stay locked for share until the caller's transaction ends,
     * so the cleanup ({@link PhotoCleanup}) cannot delete one between this check and the record's commit.
     */
    @Transactional
    public List<String> requireAttachable(List<String> refs, Collection<String> kept, @Nullable String uploader,
            String field) {
        Set<UUID> ids = new HashSet<>();
        for (String ref : refs) {
            Optional<UUID> id = idOf(ref);
            if (id.isPresent()) {
                ids.add(id.get());
            } else if (!kept.contains(ref)) {
                throw new ApiException.Unprocessable("photo-link-not-accepted").field(field);
            }
        }
        Map<UUID, Photo> found = (ids.isEmpty() ? List.<Photo>of() : photos.lockForAttaching(ids)).stream()
                .collect(Collectors.toMap(Photo::id, Function.identity()));
        for (UUID id : ids) {
            Photo photo = found.get(id);
            if (photo == null || (uploader != null && !photo.uploadedBy().equals(uploader)
                    && !kept.contains(id.toString()))) {
                throw new ApiException.Unprocessable("unknown-photo", id.toString()).field(field);
            }
        }
        return refs;
    }

    /** The references as a page shows them: signed links for stored photos, old links as they are. */
    public List<PhotoViews.PhotoView> views(String store, List<String> refs) {
        List<PhotoViews.PhotoView> views = new ArrayList<>(refs.size());
        for (String ref : refs) {
            views.add(view(store, ref));
        }
        return views;
    }

    /** A stored picture if the link's signature and expiry are good; empty otherwise (the caller answers 404). */
    Optional<ObjectStorage.StoredObject> read(String store, UUID id, PhotoSize size, long expires, String signature) {
        if (!links.valid(store, id, size, expires, signature)) {
            return Optional.empty();
        }
        return storage.get(key(store, id, size));
    }

    long secondsLeft(long expires) {
        return links.secondsLeft(expires);
    }

    private PhotoViews.PhotoView view(String store, String ref) {
        Optional<UUID> id = idOf(ref);
        if (id.isEmpty()) {
            return new PhotoViews.PhotoView(ref, null, ref, ref, ref);
        }
        return new PhotoViews.PhotoView(ref, id.get(), links.link(store, id.get(), PhotoSize.SMALL),
                links.link(store, id.get(), PhotoSize.MEDIUM), links.link(store, id.get(), PhotoSize.LARGE));
    }

    static ObjectKey key(String store, UUID id, PhotoSize size) {
        return new ObjectKey(store, "photos/" + id + "/" + size.file());
    }

    /** A stored photo's reference is its id; anything else is a link kept from before uploads. */
    static Optional<UUID> idOf(String ref) {
        if (ref.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
