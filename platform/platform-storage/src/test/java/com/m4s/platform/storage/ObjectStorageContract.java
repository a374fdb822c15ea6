package com.m4s.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every {@link ObjectStorage} does: the same scenarios run against files on disk and an S3-compatible store. */
abstract class ObjectStorageContract {

    abstract ObjectStorage storage();

    @Test
    void givesBackWhatWasPutWithItsTypeAndSize() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4};
        ObjectKey key = new ObjectKey("gz_tianhe", "photos/a1/320.jpg");
        storage().put(key, jpeg, "image/jpeg");

        ObjectStorage.StoredObject read = storage().get(key).orElseThrow();
        assertThat(read.content()).isEqualTo(jpeg);
        assertThat(read.contentType()).isEqualTo("image/jpeg");
        assertThat(read.size()).isEqualTo(7);
    }

    @Test
    void aPutReplacesTheObject() {
        ObjectKey key = new ObjectKey("gz_tianhe", "docs/contract.txt");
        storage().put(key, "first".getBytes(StandardCharsets.UTF_8), "text/plain");
        storage().put(key, "second version".getBytes(StandardCharsets.UTF_8), "text/markdown");

        ObjectStorage.StoredObject read = storage().get(key).orElseThrow();
        assertThat(new String(read.content(), StandardCharsets.UTF_8)).isEqualTo("second version");
        assertThat(read.contentType()).isEqualTo("text/markdown");
        assertThat(read.size()).isEqualTo(14);
    }

    @Test
    void storesDoNotShareKeys() {
        storage().put(new ObjectKey("sz_futian", "photos/same/320.jpg"), new byte[] {1}, "image/jpeg");
        storage().put(new ObjectKey("gz_tianhe", "photos/same/320.jpg"), new byte[] {2}, "image/jpeg");

        assertThat(storage().get(new ObjectKey("sz_futian", "photos/same/320.jpg")).orElseThrow().content())
                .containsExactly(1);
        assertThat(storage().get(new ObjectKey("gz_tianhe", "photos/same/320.jpg")).orElseThrow().content())
                .containsExactly(2);
    }

    @Test
    void aMissingKeyIsEmptyAndDeletingItIsNoError() {
        ObjectKey key = new ObjectKey("gz_tianhe", "photos/never-written/960.jpg");
        assertThat(storage().get(key)).isEmpty();
        storage().delete(key);
        assertThat(storage().get(key)).isEmpty();
    }

    @Test
    void aDeletedObjectIsGone() {
        ObjectKey key = new ObjectKey("gz_tianhe", "photos/b2/960.jpg");
        storage().put(key, new byte[] {9, 9}, "image/jpeg");
        storage().delete(key);
        assertThat(storage().get(key)).isEmpty();
    }

    @Test
    void keysCannotLeaveTheirStore() {
        assertThatThrownBy(() -> new ObjectKey("gz_tianhe", "../sz_futian/photos/x.jpg"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObjectKey("../etc", "passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObjectKey("gz_tianhe", "photos//x.jpg"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
