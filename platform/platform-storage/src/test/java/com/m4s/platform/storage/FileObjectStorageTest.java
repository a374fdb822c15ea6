package com.m4s.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStorageTest extends ObjectStorageContract {

    @TempDir
    Path root;
    private FileObjectStorage storage;

    @BeforeEach
    void storage_() {
        storage = new FileObjectStorage(root);
    }

    @Override
    ObjectStorage storage() {
        return storage;
    }

    @Test
    void keepsEachStoreUnderItsOwnFolder() {
        storage.put(new ObjectKey("gz_tianhe", "photos/c3/320.jpg"), new byte[] {1, 2}, "image/jpeg");
        assertThat(Files.exists(root.resolve("stores/gz_tianhe/photos/c3/320.jpg"))).isTrue();
    }
}
