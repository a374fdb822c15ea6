package com.m4s.platform.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m4s.platform.test.TestPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoPipelineTest {

    private final PhotoPipeline pipeline = new PhotoPipeline(PhotoProperties.defaults());

    @Test
    void aPortraitPhoneShotIsTurnedUprightResizedAndLosesItsLocation() throws IOException {
        // stored 2400 x 1200 (landscape) with orientation 6: a portrait picture of 1200 x 2400
        byte[] upload = TestPhotos.cameraJpeg(2400, 1200, 6);
        assertThat(ExifOrientation.of(upload)).isEqualTo(6);
        assertThat(ascii(upload)).contains(TestPhotos.CAMERA);

        PhotoPipeline.Processed photo = pipeline.process(upload);

        assertThat(photo.width()).isEqualTo(1200);
        assertThat(photo.height()).isEqualTo(2400);
        // 1920 is wider than the picture: its largest size is the picture itself, never enlarged
        assertThat(photo.renditions()).extracting(PhotoPipeline.Rendition::width).containsExactly(320, 960, 1200);
        assertThat(photo.renditions()).extracting(PhotoPipeline.Rendition::height).containsExactly(640, 1920, 2400);
        for (PhotoPipeline.Rendition r : photo.renditions()) {
            assertThat(ascii(r.jpeg())).doesNotContain("Exif").doesNotContain(TestPhotos.CAMERA);
            assertThat(ExifOrientation.of(r.jpeg())).isEqualTo(1);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.jpeg()));
            assertThat(image.getWidth()).isEqualTo(r.width());
            // the sensor's left half (red) is the top after turning clockwise, its right half (blue) the bottom
            assertThat(new java.awt.Color(image.getRGB(r.width() / 2, r.height() / 8)).getRed()).isGreaterThan(200);
            assertThat(new java.awt.Color(image.getRGB(r.width() / 2, r.height() * 7 / 8)).getBlue())
                    .isGreaterThan(200);
        }
    }

    @Test
    void aPngBecomesJpegOnWhite() throws IOException {
        PhotoPipeline.Processed photo = pipeline.process(TestPhotos.png(400, 300));

        assertThat(photo.renditions()).extracting(PhotoPipeline.Rendition::width).containsExactly(320, 400);
        byte[] jpeg = photo.renditions().getFirst().jpeg();
        assertThat(PhotoPipeline.kindOf(jpeg)).isEqualTo(PhotoPipeline.Kind.JPEG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(new java.awt.Color(image.getRGB(10, 2)).getGreen()).isGreaterThan(230); // transparent → white
    }

    @Test
    void theTypeIsJudgedByContentNotByName() {
        byte[] text = "GIF89a pretending".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> pipeline.process(text)).isInstanceOfSatisfying(PhotoRejected.class,
                e -> assertThat(e.reason()).isEqualTo(PhotoRejected.Reason.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> pipeline.process(TestPhotos.heicHeader())).isInstanceOfSatisfying(
                PhotoRejected.class, e -> assertThat(e.reason()).isEqualTo(PhotoRejected.Reason.HEIC));
    }

    @Test
    void aTruncatedJpegIsUnreadable() {
        byte[] jpeg = TestPhotos.cameraJpeg(200, 100, 1);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 300);
        assertThatThrownBy(() -> pipeline.process(cut)).isInstanceOfSatisfying(PhotoRejected.class,
                e -> assertThat(e.reason()).isEqualTo(PhotoRejected.Reason.UNREADABLE));
    }

    @Test
    void overTheLimitIsTooLarge() {
        PhotoPipeline small = new PhotoPipeline(new PhotoProperties(org.springframework.util.unit.DataSize.ofKilobytes(1),
                0, null, 0));
        assertThatThrownBy(() -> small.process(TestPhotos.cameraJpeg(400, 400, 1))).isInstanceOfSatisfying(
                PhotoRejected.class, e -> assertThat(e.reason()).isEqualTo(PhotoRejected.Reason.TOO_LARGE));
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
