package com.m4s.store.photo;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Open;
import com.m4s.platform.security.Permission;
import com.m4s.platform.storage.ObjectStorage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploading photos (owners and staff) and reading them through signed links. */
@RestController
@RequestMapping("/api/stores/{store}/photos")
@Tag(name = "photos", description = "Photo uploads and signed photo links (decision 0028)")
class PhotoController {

    private final Photos photos;

    PhotoController(Photos photos) {
        this.photos = photos;
    }

    @Allow(Permission.PHOTO_UPLOAD)
    // no `consumes`: a request of the wrong type reaches the permission check first (403 before 415)
    @PostMapping
    @Operation(summary = "Upload a photo (JPEG or PNG, at most 10 MB)", description = "The picture is turned upright,"
            + " stripped of its metadata (GPS location included) and kept in three sizes as JPEG. Send its ref in a"
            + " form's photos to attach it. 413 photo-too-large, 415 photo-type-unsupported, 422 photo-unreadable.")
    ResponseEntity<PhotoViews.UploadedPhoto> upload(@PathVariable String store,
            @RequestPart("file") MultipartFile file) throws IOException {
        String uploader = Caller.current().orElseThrow().subject();
        PhotoViews.UploadedPhoto uploaded = photos.upload(file.getBytes(), uploader);
        return ResponseEntity.created(URI.create(uploaded.url())).body(uploaded);
    }

    @Open("photo links are signed and expire: a listing or submission that may be read hands them out, and an <img>"
            + " cannot send a token")
    @GetMapping("/{photoId}/{size}")
    @Operation(summary = "A stored photo in one size, through a signed link from a listing or submission")
    ResponseEntity<byte[]> read(@PathVariable String store, @PathVariable UUID photoId, @PathVariable String size,
            @RequestParam long expires, @RequestParam String signature) {
        PhotoSize photoSize;
        try {
            photoSize = PhotoSize.valueOf(size.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        Optional<ObjectStorage.StoredObject> picture = photos.read(store, photoId, photoSize, expires, signature);
        if (picture.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        ObjectStorage.StoredObject object = picture.get();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(photos.secondsLeft(expires))).cachePrivate()
                        .immutable())
                .eTag("\"" + photoId + "-" + photoSize.name().toLowerCase(Locale.ROOT) + "\"")
                .contentType(MediaType.parseMediaType(object.contentType()))
                .contentLength(object.size())
                .header("X-Content-Type-Options", "nosniff")
                .body(object.content());
    }
}
