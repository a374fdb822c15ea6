package com.m4s.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract against a real S3-compatible server (S3Proxy), through the client exactly as configured for production. */
class S3ObjectStorageTest extends ObjectStorageContract {

    private static final String BUCKET = "m4s-photos";

    @TempDir
    static Path directory;
    private static LocalS3Server server;
    private static S3Client client;
    private static S3ObjectStorage storage;

    @BeforeAll
    static void start() throws Exception {
        server = LocalS3Server.start(directory);
        client = StorageConfiguration.s3Client(new StorageProperties.S3(server.endpoint().toString(), "us-east-1",
                BUCKET, true, LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY));
        client.createBucket(b -> b.bucket(BUCKET));
        storage = new S3ObjectStorage(client, BUCKET);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    ObjectStorage storage() {
        return storage;
    }

    @Test
    void objectsAreKeyedByStoreInTheBucket() {
        storage.put(new ObjectKey("gz_tianhe", "photos/d4/320.jpg"), new byte[] {5}, "image/jpeg");
        assertThat(client.listObjectsV2(b -> b.bucket(BUCKET).prefix("stores/gz_tianhe/photos/d4/")).contents())
                .extracting(o -> o.key()).containsExactly("stores/gz_tianhe/photos/d4/320.jpg");
    }

    @Test
    void aWrongSecretIsRefused() {
        try (S3Client wrong = StorageConfiguration.s3Client(new StorageProperties.S3(server.endpoint().toString(),
                "us-east-1", BUCKET, true, LocalS3Server.ACCESS_KEY, "not-the-secret"))) {
            S3ObjectStorage other = new S3ObjectStorage(wrong, BUCKET);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> other.put(new ObjectKey("gz_tianhe", "photos/e5/320.jpg"), new byte[] {1}, "image/jpeg"))
                    .hasMessageContaining("403");
        }
    }
}
