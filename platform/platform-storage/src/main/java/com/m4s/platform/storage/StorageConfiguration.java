package com.m4s.platform.storage;

import com.m4s.platform.imaging.PhotoPipeline;
import com.m4s.platform.imaging.PhotoProperties;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Object storage and the photo pipeline for a service whose features keep files: imported by the service like the
 * search configuration. {@code m4s.storage.type=FILE} (default) or {@code S3}; {@code m4s.photos.*} for the pipeline.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, PhotoProperties.class})
public class StorageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ObjectStorage objectStorage(StorageProperties properties) {
        if (properties.type() == StorageProperties.Type.S3) {
            StorageProperties.S3 s3 = properties.s3();
            if (s3.bucket() == null || s3.bucket().isBlank()) {
                throw new IllegalStateException("m4s.storage.s3.bucket is required when m4s.storage.type is S3");
            }
            LOG.info("Object storage: bucket {} at {}", s3.bucket(), s3.endpoint() == null ? "AWS" : s3.endpoint());
            return new S3ObjectStorage(s3Client(s3), s3.bucket());
        }
        LOG.info("Object storage: files under {}", properties.file().root());
        return new FileObjectStorage(properties.file().root());
    }

    @Bean
    PhotoPipeline photoPipeline(PhotoProperties properties) {
        return new PhotoPipeline(properties);
    }

    /** A client for an S3-compatible store as configured: endpoint, region, path-style access, credentials. */
    public static S3Client s3Client(StorageProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.region() == null || s3.region().isBlank() ? "us-east-1" : s3.region()))
                .forcePathStyle(s3.pathStyle())
                // checksums only where the API requires them: S3-compatible stores (OSS, older MinIO) refuse the
                // SDK's newer default trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
                    s3.secretKey() == null ? "" : s3.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
