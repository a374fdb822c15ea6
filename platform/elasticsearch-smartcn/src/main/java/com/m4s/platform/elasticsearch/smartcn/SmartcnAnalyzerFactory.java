package com.m4s.platform.elasticsearch.smartcn;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * Analyzer {@code smartcn}: sentences split by Lucene's HMM model, words from its dictionary, punctuation dropped
 * (the analyzer's default stop set), Latin words lower-cased and stemmed, as in the official plugin.
 */
@NamedComponent(SmartcnAnalyzerFactory.NAME)
public final class SmartcnAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "smartcn";

    @Override
    public Analyzer create() {
        return new SmartChineseAnalyzer();
    }
}
