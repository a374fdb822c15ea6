/** Real servers started as local processes from artifacts on Maven Central: PostgreSQL and Keycloak today, Kafka and Elasticsearch next. */
package com.m4s.platform.servers;
