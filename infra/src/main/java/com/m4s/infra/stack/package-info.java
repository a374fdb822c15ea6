/** The local stack: real servers and the platform's services as local processes, with demo data. */
package com.m4s.infra.stack;
