package com.m4s.store.usedcar;

import static com.m4s.store.usedcar.UsedCarWorkflowTest.approval;
import static com.m4s.store.usedcar.UsedCarWorkflowTest.car;
import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.Eventually;
import com.m4s.platform.test.TestPhotos;
import com.m4s.platform.test.TestUsers;
import com.m4s.store.support.StoreConsoleTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Photos of used cars end to end: an owner uploads a phone picture, submits the car with it, the store lists it, and
 * anyone with the market's links loads the picture, upright, in three sizes, with no trace of where it was taken.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsedCarPhotoTest extends StoreConsoleTest {

    private static final String STORE = "photo_a";
    private static final String BASE = "/api/stores/" + STORE;

    private Api manager;
    private Api owner;
    private Api stranger;

    @BeforeAll
    void store() throws SQLException {
        provision(STORE);
        manager = as(TestUsers.manager(GROUP, STORE));
        owner = owner("photo-seller", "13712350001");
        stranger = owner("photo-stranger", "13712350002");
    }

    @Test
    void anOwnersPhoneShotIsListedUprightInThreeSizesWithoutItsLocation() throws IOException {
        byte[] shot = TestPhotos.cameraJpeg(2400, 1200, 6);
        Api.Response uploaded = owner.upload(BASE + "/photos", "file", "IMG_0001.JPG", "image/jpeg", shot);
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        assertThat(uploaded.json().path("width").asInt()).isEqualTo(1200);
        assertThat(uploaded.json().path("height").asInt()).isEqualTo(2400);
        String ref = uploaded.json().path("ref").asString();

        Api.Response submitted = owner.post(BASE + "/me/used-cars",
                UsedCarWorkflowTest.with(car("特斯拉", "Model 3", 2021, 30_000, 200_000), "photos", List.of(ref)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String id = submitted.json().path("id").asString();
        assertThat(submitted.json().path("photos").get(0).path("id").asString()).isEqualTo(ref);
        manager.post(BASE + "/used-cars/" + id + "/approve", approval(190_000));

        JsonNode listing = Eventually.await(Duration.ofSeconds(30), "the listed car on the market",
                () -> listing(id), l -> l != null);
        JsonNode photo = listing.path("photos").get(0);
        int[][] expected = {{320, 640}, {960, 1920}, {1200, 2400}};
        String[] links = {photo.path("thumbnailUrl").asString(), photo.path("url").asString(),
            photo.path("largeUrl").asString()};
        for (int i = 0; i < links.length; i++) {
            Api.Download picture = anonymous().download(links[i]);
            assertThat(picture.status()).isEqualTo(200);
            assertThat(picture.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(picture.header("Cache-Control")).contains("private").contains("max-age=");
            String raw = new String(picture.body(), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("Exif").doesNotContain(TestPhotos.CAMERA);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.body()));
            assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(expected[i]);
        }
    }

    @Test
    void linksWorkOnlyAsSignedAndUntilTheyExpire() {
        String ref = upload(owner);
        String link = owner.get(BASE + "/me/used-cars/" + submit(owner, List.of(ref))).json().path("photos").get(0)
                .path("thumbnailUrl").asString();

        assertThat(anonymous().download(link).status()).isEqualTo(200);
        assertThat(anonymous().download(link.replace("/small?", "/large?")).status()).as("signed for one size")
                .isEqualTo(404);
        assertThat(anonymous().download(link.substring(0, link.length() - 3) + "xyz").status()).isEqualTo(404);
        assertThat(anonymous().download(link.replace("/" + STORE + "/", "/ucar_a/")).status()).isEqualTo(404);
        clock.advance(Duration.ofDays(3));
        assertThat(anonymous().download(link).status()).as("expired").isEqualTo(404);
    }

    @Test
    void anOwnerAttachesOnlyTheirOwnUploadsAndNoNewLinks() {
        String mine = upload(owner);

        Api.Response theirs = stranger.post(BASE + "/me/used-cars",
                UsedCarWorkflowTest.with(car("本田", "思域", 2019, 50_000, 80_000), "photos", List.of(mine)));
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(422);
        assertThat(theirs.problemType()).isEqualTo("unknown-photo");
        Api.Response link = owner.post(BASE + "/me/used-cars", UsedCarWorkflowTest.with(
                car("本田", "思域", 2019, 50_000, 80_000), "photos", List.of("https://img.example.cn/civic.jpg")));
        assertThat(link.status()).as(link.raw()).isEqualTo(422);
        assertThat(link.problemType()).isEqualTo("photo-link-not-accepted");
        assertThat(link.json().path("detail").asString()).contains("上传");
    }

    @Test
    void aLinkPastedBeforeUploadsStaysReadableAndCanBeKept() throws SQLException {
        String id = submit(owner, List.of());
        String old = "https://img.example.cn/legacy/front.jpg";
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement(
                "update store_" + STORE + ".used_car set photos = array[?] where id = ?")) {
            u.setString(1, old);
            u.setObject(2, UUID.fromString(id));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }

        JsonNode car = owner.get(BASE + "/me/used-cars/" + id).json();
        assertThat(car.path("photos").get(0).path("url").asString()).isEqualTo(old);
        assertThat(car.path("photos").get(0).path("thumbnailUrl").asString()).isEqualTo(old);
        String added = upload(owner);
        Api.Response kept = owner.put(BASE + "/me/used-cars/" + id, UsedCarWorkflowTest.with(
                car("丰田", "卡罗拉", 2018, 60_000, 70_000), "photos", List.of(old, added)));
        assertThat(kept.status()).as(kept.raw()).isEqualTo(200);
        assertThat(kept.json().path("photos").get(0).path("url").asString()).isEqualTo(old);
        assertThat(kept.json().path("photos").get(1).path("id").asString()).isEqualTo(added);
    }

    @Test
    void picturesWeCannotTakeAreProblemsInTheCallersLanguage() {
        Api.Response text = owner.upload(BASE + "/photos", "file", "car.jpg", "image/jpeg",
                "not a picture at all".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.problemType()).isEqualTo("photo-type-unsupported");
        assertThat(text.json().path("detail").asString()).isEqualTo("只能上传 JPEG 或 PNG 格式的照片。");

        Api.Response heic = owner.withLanguage("en").upload(BASE + "/photos", "file", "IMG_0002.HEIC",
                "image/heic", TestPhotos.heicHeader());
        assertThat(heic.status()).isEqualTo(415);
        assertThat(heic.json().path("detail").asString()).contains("HEIC").contains("Most Compatible");

        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(TestPhotos.cameraJpeg(10, 10, 1), 0, huge, 0, 3);
        Api.Response large = owner.upload(BASE + "/photos", "file", "big.jpg", "image/jpeg", huge);
        assertThat(large.status()).as(large.raw()).isEqualTo(413);
        assertThat(large.problemType()).isEqualTo("photo-too-large");
        assertThat(large.json().path("detail").asString()).contains("10 MB");

        assertThat(anonymous().upload(BASE + "/photos", "file", "a.jpg", "image/jpeg",
                TestPhotos.cameraJpeg(10, 10, 1)).status()).isEqualTo(401);
        assertThat(as(TestUsers.manager(GROUP, "ucar_a")).upload(BASE + "/photos", "file", "a.jpg", "image/jpeg",
                TestPhotos.cameraJpeg(10, 10, 1)).status()).as("another store's manager").isIn(403, 404);
    }

    // --- helpers

    private String upload(Api api) {
        Api.Response r = api.upload(BASE + "/photos", "file", "photo.png", "image/png", TestPhotos.png(640, 480));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("ref").asString();
    }

    private String submit(Api api, List<String> photos) {
        Api.Response r = api.post(BASE + "/me/used-cars",
                UsedCarWorkflowTest.with(car("丰田", "卡罗拉", 2018, 60_000, 70_000), "photos", photos));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private JsonNode listing(String id) {
        JsonNode page = owner.get(BASE + "/used-car-market?scope=STORE").json();
        for (JsonNode car : page.path("content")) {
            if (car.path("id").asString().equals(id)) {
                return car;
            }
        }
        return null;
    }

    private Api owner(String name, String phone) throws SQLException {
        Api.Response r = manager.post(BASE + "/members", Map.of("profile", Map.of("name", "车主" + name.length(),
                "phone", phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String member = r.json().path("id").asString();
        String login = TestUsers.owner(name, STORE);
        try (Connection c = database.connect(); PreparedStatement u = c.prepareStatement("update store_" + STORE
                + ".member set owner_subject = ?, owner_username = ? where id = ?")) {
            u.setString(1, TestUsers.describe(login).path("id").asString());
            u.setString(2, login);
            u.setObject(3, UUID.fromString(member));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        return as(login);
    }
}
