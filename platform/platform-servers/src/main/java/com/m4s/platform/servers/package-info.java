/** Real servers started as local processes from artifacts on Maven Central: PostgreSQL, Keycloak, Kafka and Elasticsearch. */
package com.m4s.platform.servers;
