package com.m4s.platform.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of object storage ({@code m4s.storage.*}).
 *
 * @param type {@code FILE} (default: files under {@code file.root}) or {@code S3}
 * @param file where files are kept when the type is {@code FILE}
 * @param s3 the S3-compatible store when the type is {@code S3}
 */
@Validated
@ConfigurationProperties("m4s.storage")
public record StorageProperties(@NotNull Type type, @Valid File file, @Valid S3 s3) {

    public enum Type { FILE, S3 }

    public StorageProperties {
        type = type == null ? Type.FILE : type;
        file = file == null ? new File(null) : file;
        s3 = s3 == null ? new S3(null, null, null, false, null, null) : s3;
    }

    /** @param root the folder holding {@code stores/...}; default {@code <tmp>/m4s-storage} */
    public record File(@Nullable Path root) {
        public File {
            root = root == null ? Path.of(System.getProperty("java.io.tmpdir"), "m4s-storage") : root;
        }
    }

    /**
     * @param endpoint the store's URL ({@code https://oss-cn-hangzhou.aliyuncs.com}, {@code http://minio:9000});
     *     none: AWS's own endpoint of the region
     * @param region the signing region ({@code cn-hangzhou}, {@code us-east-1} for MinIO)
     * @param bucket the bucket every store's objects go into
     * @param pathStyle address the bucket in the path ({@code http://host/bucket/key}), as MinIO wants
     * @param accessKey the access key id; none: the SDK's default chain (environment, instance role)
     * @param secretKey its secret, from the environment only
     */
    public record S3(@Nullable String endpoint, @Nullable String region, @Nullable String bucket, boolean pathStyle,
            @Nullable String accessKey, @Nullable String secretKey) {
    }
}
