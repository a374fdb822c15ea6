/**
 * An Elasticsearch stable plugin: Lucene's smart Chinese analysis under the names of the official analysis-smartcn
 * plugin ({@code smartcn}, {@code smartcn_tokenizer}), so that mappings written for it work on either.
 */
package com.m4s.platform.elasticsearch.smartcn;
