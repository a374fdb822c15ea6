/** Test support: real servers for tests (Testcontainers with Docker, local processes without) and an HTTP client. */
package com.m4s.platform.test;
