package com.m4s.platform.elasticsearch.smartcn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The factories without a server; LocalElasticsearchTest (platform-servers) covers them installed. */
class SmartcnPluginTest {

    @Test
    void analyzerSplitsChineseIntoWords() throws IOException {
        try (Analyzer analyzer = new SmartcnAnalyzerFactory().create()) {
            assertThat(tokens(analyzer.tokenStream("name", "我们的发票查询系统支持多租户")))
                    .containsExactly("我们", "的", "发票", "查询", "系统", "支持", "多", "租户");
        }
    }

    @Test
    void tokenizerKeepsPunctuationAsACommaAndSplitsUnknownNamesIntoCharacters() throws IOException {
        Tokenizer tokenizer = new SmartcnTokenizerFactory().create();
        tokenizer.setReader(new java.io.StringReader("凯美瑞，保养"));
        assertThat(tokens(tokenizer)).containsExactly("凯", "美", "瑞", ",", "保养");
    }

    /** The server reads the component names from named_components.json; it must say what the annotations say. */
    @Test
    void namedComponentsFileMatchesTheAnnotations() throws IOException {
        Map<String, Map<String, String>> file = new JsonMapper().readValue(
                Path.of("src/plugin/named_components.json").toFile(), new TypeReference<>() {});

        assertThat(file).isEqualTo(Map.of(
                AnalyzerFactory.class.getName(), Map.of(name(SmartcnAnalyzerFactory.class),
                        SmartcnAnalyzerFactory.class.getName()),
                TokenizerFactory.class.getName(), Map.of(name(SmartcnTokenizerFactory.class),
                        SmartcnTokenizerFactory.class.getName())));
        assertThat(name(SmartcnAnalyzerFactory.class)).isEqualTo("smartcn");
        assertThat(name(SmartcnTokenizerFactory.class)).isEqualTo("smartcn_tokenizer");
    }

    private static String name(Class<?> component) {
        return component.getAnnotation(NamedComponent.class).value();
    }

    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }
}
