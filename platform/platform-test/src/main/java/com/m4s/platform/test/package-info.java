/**
 * Test support: real servers for tests (Testcontainers with Docker, local processes without), an HTTP client, and the
 * controllable clock of the service under test ({@link com.m4s.platform.test.TestClock}).
 */
package com.m4s.platform.test;
