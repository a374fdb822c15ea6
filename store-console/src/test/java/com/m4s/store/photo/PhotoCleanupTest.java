package com.m4s.store.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.jobs.StoreJobRunner;
import com.m4s.platform.servers.Api;
import com.m4s.platform.storage.ObjectStorage;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestPhotos;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cleanup of unreferenced photos (decision 0028) on the real service and its per-store job runner: when the
 * clock has moved past the grace period, a picture nobody attached and one a car dropped are gone from object
 * storage and the photo table (their links answer 404), while pictures cars keep, in any state, and a picture just
 * uploaded (a form not submitted yet) stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoCleanupTest extends StoreConsoleTest {

    private static final String STORE = "photo_clean";
    private static final String BASE = "/api/stores/" + STORE;

    @Autowired
    StoreJobRunner runner;

    @Autowired
    ObjectStorage storage;

    @Autowired
    Photos photos;

    @Autowired
    TenantRegistry tenants;

    private Api manager;
    private String memberId;

    @BeforeAll
    void store() {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
        Api.Response member = manager.post(BASE + "/members", Map.of("profile", Map.of("name", "清理车主",
                "phone", "13712360001")));
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        memberId = member.json().path("id").asString();
    }

    @Test
    void oldPhotosNoRecordKeepsAreDeletedAndEverythingElseStays() throws Exception {
        UUID onSubmitted = upload();
        UUID onRejected = upload();
        UUID dropped = upload();
        UUID neverAttached = upload();
        String submitted = submit(List.of(onSubmitted.toString(), dropped.toString()));
        Api.Response edited = manager.put(BASE + "/used-cars/" + submitted, car(List.of(onSubmitted.toString())));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        String rejected = submit(List.of(onRejected.toString()));
        assertThat(manager.post(BASE + "/used-cars/" + rejected + "/reject", Map.of("note", "车况与描述不符"))
                .status()).isEqualTo(200);

        clock.freeze();
        clock.advance(Duration.ofHours(25));
        // a form that uploads now and submits later: younger than the grace period, so it is not looked at
        UUID justUploaded = TenantContext.callAs(tenant(), () -> UUID.fromString(
                photos.upload(TestPhotos.png(320, 240), "cleanup-test-uploader").ref()));
        runner.runSoon(PhotoCleanup.JOB, STORE);

        Eventually.await(Duration.ofSeconds(60), "the sweep of " + STORE, () -> rows(dropped, neverAttached),
                left -> left == 0);
        for (UUID gone : List.of(dropped, neverAttached)) {
            for (PhotoSize size : PhotoSize.values()) {
                assertThat(storage.get(Photos.key(STORE, gone, size))).as(gone + " " + size).isEmpty();
            }
            assertThat(anonymous().download(link(gone)).status()).as("link of deleted " + gone).isEqualTo(404);
        }
        assertThat(rows(onSubmitted, onRejected, justUploaded)).isEqualTo(3);
        for (UUID kept : List.of(onSubmitted, onRejected, justUploaded)) {
            Api.Download picture = anonymous().download(link(kept));
            assertThat(picture.status()).as("link of kept " + kept).isEqualTo(200);
            assertThat(picture.header("Content-Type")).isEqualTo("image/jpeg");
        }
        assertThat(auditedDeletes()).contains(dropped.toString(), neverAttached.toString())
                .doesNotContain(onSubmitted.toString(), onRejected.toString(), justUploaded.toString());
    }

    /** The sweep itself, with batches of one and one more holder: it goes on past kept photos to the end. */
    @Test
    void aSweepReadsTheClockAndLooksAtEveryBatch() throws Exception {
        List<UUID> fresh = List.of(upload(), upload(), upload());

        PhotoCleanup.Result early = TenantContext.callAs(tenant(), () -> cleanup().sweep(STORE));
        assertThat(rows(fresh.toArray(UUID[]::new))).as("not yet past the grace period").isEqualTo(3);

        clock.freeze();
        clock.advance(Duration.ofHours(25));
        List<PhotoHolder> withOneMore = new java.util.ArrayList<>(holders);
        withOneMore.add(ids -> ids.contains(fresh.getFirst()) ? java.util.Set.of(fresh.getFirst()) : java.util.Set.of());
        PhotoCleanup small = new PhotoCleanup(repository, withOneMore, storage, transactions, clock,
                new PhotoCleanupProperties(Duration.ofHours(24), Duration.ofHours(6), 1));
        PhotoCleanup.Result swept = TenantContext.callAs(tenant(), () -> small.sweep(STORE));

        assertThat(early.deleted()).isZero();
        assertThat(rows(fresh.getFirst())).as("its holder keeps it").isEqualTo(1);
        assertThat(rows(fresh.get(1), fresh.get(2))).as("batches of one, past the kept one").isZero();
        assertThat(swept.deleted()).isGreaterThanOrEqualTo(2);
        assertThat(swept.kept()).isGreaterThanOrEqualTo(1);
    }

    // --- helpers

    @Autowired
    PhotoRepository repository;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    PhotoCleanup cleanup;

    @Autowired
    List<PhotoHolder> holders;

    private PhotoCleanup cleanup() {
        return cleanup;
    }

    private Tenant tenant() {
        return tenants.find(STORE).orElseThrow().tenant();
    }

    private UUID upload() {
        Api.Response r = manager.upload(BASE + "/photos", "file", "car.png", "image/png", TestPhotos.png(640, 480));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.json().path("ref").asString());
    }

    private String submit(List<String> refs) {
        Api.Response r = manager.post(BASE + "/used-cars", Map.of("memberId", memberId, "car", car(refs)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static Map<String, Object> car(List<String> photos) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("make", "丰田");
        c.put("model", "卡罗拉");
        c.put("year", 2019);
        c.put("mileageKm", 60_000);
        c.put("city", "广州");
        c.put("gearbox", "AUTOMATIC");
        c.put("emissionStandard", "CN6B");
        c.put("colour", "白色");
        c.put("priceWishYuan", 70_000);
        c.put("photos", photos);
        return c;
    }

    /** A link signed now (on the moved clock), so a 404 means the picture is gone, not that the link expired. */
    private String link(UUID photo) {
        return photos.views(STORE, List.of(photo.toString())).getFirst().thumbnailUrl();
    }

    private int rows(UUID... ids) {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement(
                "select count(*) from store_" + STORE + ".photo where id = any(?)")) {
            q.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> auditedDeletes() throws SQLException {
        try (Connection c = database.connect(); PreparedStatement q = c.prepareStatement("select entity_id from store_"
                + STORE + ".audit_event where action = 'DELETE' and entity_type = 'photo'")) {
            try (ResultSet rs = q.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }
}
