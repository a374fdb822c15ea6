package com.m4s.platform.elasticsearch.smartcn;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Tokenizer {@code smartcn_tokenizer}: the word segmentation of {@code smartcn}, for custom analyzers. */
@NamedComponent(SmartcnTokenizerFactory.NAME)
public final class SmartcnTokenizerFactory implements TokenizerFactory {

    public static final String NAME = "smartcn_tokenizer";

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}
