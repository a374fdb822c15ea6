/** Real servers started as local processes from artifacts on Maven Central: PostgreSQL today, Kafka, Elasticsearch and Keycloak next. */
package com.m4s.platform.servers;
