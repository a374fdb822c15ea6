package com.m4s.platform.storage;

import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Objects in one bucket of an S3-compatible store (AWS S3, Aliyun OSS, MinIO, ...), under the same keys as on disk.
 * The client (endpoint, region, credentials, path-style access) comes from {@link StorageConfiguration}.
 */
public final class S3ObjectStorage implements ObjectStorage {

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(ObjectKey key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key.value()).contentType(contentType)
                .contentLength((long) content.length), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<StoredObject> get(ObjectKey key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key.value()));
            byte[] content = object.asByteArray();
            String type = object.response().contentType();
            return Optional.of(new StoredObject(content, type == null ? "application/octet-stream" : type,
                    content.length));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(ObjectKey key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key.value()));
    }
}
