package com.m4s.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules for a module's message bundle, {@code src/main/resources/i18n/<module>/messages.properties} (English)
 * and {@code messages_zh_CN.properties} (Chinese), and for the problem types its code gives (platform-core
 * {@code ProblemMessages}), as the web UI's locales test checks its two languages:
 * <ol>
 * <li>both languages have exactly the same keys, and no empty text;</li>
 * <li>every Chinese text is Chinese: not the English one, and with Chinese characters in it (codes such as
 * {@code ACTIVE} excepted);</li>
 * <li>the Chinese text uses no argument the English does not have; a text with {@code {0}}-style arguments writes
 * an apostrophe as {@code ''}, a text without writes it as {@code '};</li>
 * <li>every problem type the module's code gives has a title and a detail, every detail variant, noun and
 * validation message it names has a text (in the module's bundle or one on the classpath, such as platform-core's);
 * validation messages are {@code {key}}s, never English text.</li>
 * </ol>
 * The code is read as source: a type is a string literal, or a constant of the module; a type passed on in a
 * lower-case parameter is checked where its caller names it. Each module with a bundle runs the rules in a test;
 * {@code MessageBundlesTest} shows each rule failing on a planted violation.
 */
public final class MessageBundles {

    private static final String ARG = "(\"[^\"]*\"|[A-Za-z_][\\w.]*)";
    private static final Pattern API_EXCEPTION = Pattern.compile(
            "new\\s+ApiException\\.(?:BadRequest|Conflict|Unprocessable|TooManyRequests)\\(\\s*" + ARG);
    private static final Pattern NOT_FOUND = Pattern.compile("new\\s+ApiException\\.NotFound\\(\\s*\"([^\"]+)\"\\s*([,)])");
    private static final Pattern SUPER = Pattern.compile("super\\(\\s*HttpStatus\\.\\w+\\s*,\\s*" + ARG);
    private static final Pattern CONSTRAINT = Pattern.compile("ConstraintProblem\\.taken\\(\\s*\"[^\"]*\"\\s*,\\s*" + ARG
            + "\\s*,\\s*(?:null|\"[^\"]*\"|\\w+)\\s*(?:,\\s*\"([^\"]+)\")?\\s*\\)");
    private static final Pattern DETAIL = Pattern.compile("Problems\\.detail\\(\\s*" + ARG);
    private static final Pattern VARIANT = Pattern.compile("Problems\\.variant\\(\\s*" + ARG + "\\s*,\\s*\"([^\"]+)\"");
    private static final Pattern WRITE = Pattern.compile(
            "problems\\.write\\(\\s*\\w+\\s*,\\s*\\w+\\s*,\\s*HttpStatus\\.\\w+\\s*,\\s*" + ARG);
    private static final Pattern MESSAGE = Pattern.compile("Problems\\.message\\(\\s*\"([^\"]+)\"\\s*(\\+)?");
    private static final Pattern VALIDATION = Pattern.compile("\\bmessage\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern CHAINED_VARIANT = Pattern.compile("\\.variant\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*"
            + "(?:[\\w.]*TYPE_BASE\\s*\\+\\s*)?\"([^\"]*)\"\\s*;");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");

    private final Path module;
    private final Map<String, String> english;
    private final Map<String, String> chinese;
    private final Set<String> known;
    private final Map<Path, String> sources;

    private MessageBundles(Path module, Map<String, String> english, Map<String, String> chinese, Set<String> known,
            Map<Path, String> sources) {
        this.module = module;
        this.english = english;
        this.chinese = chinese;
        this.known = known;
        this.sources = sources;
    }

    /** The module in this folder (a service's tests run in its own: {@code Path.of("")}). */
    public static MessageBundles ofModule(Path module) {
        Path bundles = module.resolve("src/main/resources/i18n");
        List<Path> folders = list(bundles, 1).stream().filter(Files::isDirectory).toList();
        if (folders.size() != 1) {
            throw new AssertionError(module.toAbsolutePath().normalize() + " should have one bundle folder in "
                    + bundles + ", has " + folders);
        }
        Map<String, String> english = read(folders.getFirst().resolve("messages.properties"));
        Map<String, String> chinese = read(folders.getFirst().resolve("messages_zh_CN.properties"));
        Set<String> known = new HashSet<>(english.keySet());
        known.addAll(onClasspath());
        Map<Path, String> sources = new TreeMap<>();
        for (Path file : list(module.resolve("src/main/java"), Integer.MAX_VALUE)) {
            if (!file.toString().endsWith(".java")) {
                continue;
            }
            sources.put(module.relativize(file), withoutBlockComments(text(file)));
        }
        return new MessageBundles(module, english, chinese, known, sources);
    }

    /** Fails with every finding of every rule. */
    public void check() {
        List<String> findings = new ArrayList<>();
        findings.addAll(keysDiffer());
        findings.addAll(emptyTexts());
        findings.addAll(untranslated());
        findings.addAll(arguments());
        findings.addAll(missingTexts());
        if (!findings.isEmpty()) {
            throw new AssertionError("the message bundle of " + module.toAbsolutePath().normalize() + " breaks "
                    + findings.size() + " rule(s):\n  " + String.join("\n  ", findings));
        }
    }

    /** Keys one language has and the other has not. */
    public List<String> keysDiffer() {
        List<String> findings = new ArrayList<>();
        for (String key : new TreeSet<>(english.keySet())) {
            if (!chinese.containsKey(key)) {
                findings.add(key + " has no Chinese text");
            }
        }
        for (String key : new TreeSet<>(chinese.keySet())) {
            if (!english.containsKey(key)) {
                findings.add(key + " has no English text");
            }
        }
        return findings;
    }

    public List<String> emptyTexts() {
        List<String> findings = new ArrayList<>();
        english.forEach((key, text) -> {
            if (text.isBlank()) {
                findings.add(key + " has an empty English text");
            }
        });
        chinese.forEach((key, text) -> {
            if (text.isBlank()) {
                findings.add(key + " has an empty Chinese text");
            }
        });
        return findings.stream().sorted().toList();
    }

    /** Chinese texts that are the English one or have no Chinese character, codes excepted. */
    public List<String> untranslated() {
        List<String> findings = new ArrayList<>();
        new TreeMap<>(chinese).forEach((key, text) -> {
            if (CODE.matcher(text).matches() || text.isBlank()) {
                return;
            }
            if (text.equals(english.get(key))) {
                findings.add(key + " is the same in Chinese as in English");
            } else if (!HAN.matcher(text).find()) {
                findings.add(key + " has no Chinese in its Chinese text: " + text);
            }
        });
        return findings;
    }

    /** Arguments the Chinese text uses that the English has not, and apostrophes written for the wrong kind of text. */
    public List<String> arguments() {
        List<String> findings = new ArrayList<>();
        for (String key : new TreeSet<>(english.keySet())) {
            String en = english.get(key);
            String zh = chinese.getOrDefault(key, "");
            Set<String> enArguments = placeholders(en);
            Set<String> zhArguments = placeholders(zh);
            if (!enArguments.containsAll(zhArguments)) {
                findings.add(key + " uses arguments in Chinese that the English has not: " + zhArguments);
            }
            boolean formatted = !enArguments.isEmpty() || !zhArguments.isEmpty();
            for (String text : List.of(en, zh)) {
                if (formatted && LONE_APOSTROPHE.matcher(text).find()) {
                    findings.add(key + " has arguments, so an apostrophe is written '': " + text);
                } else if (!formatted && text.contains("''")) {
                    findings.add(key + " has no arguments, so an apostrophe is written ': " + text);
                }
            }
        }
        return findings;
    }

    /** Problem types, details, nouns and validation messages the code names that have no text. */
    public List<String> missingTexts() {
        Map<String, Set<String>> constants = constants();
        List<String> findings = new ArrayList<>();
        sources.forEach((file, source) -> {
            for (Matcher m = API_EXCEPTION.matcher(source); m.find(); ) {
                String type = type(m.group(1), constants, file, source, m.start(), findings);
                if (type != null) {
                    requireType(type, file, source, m.start(), findings);
                    Matcher chained = CHAINED_VARIANT.matcher(statement(source, m.start()));
                    while (chained.find()) {
                        require("problem." + type + ".detail." + chained.group(1), file, source, m.start(), findings);
                    }
                }
            }
            for (Matcher m = NOT_FOUND.matcher(source); m.find(); ) {
                requireType("not-found", file, source, m.start(), findings);
                require(m.group(2).equals(",") ? "problem.not-found.what." + m.group(1)
                        : "problem.not-found.detail." + m.group(1), file, source, m.start(), findings);
            }
            for (Pattern pattern : List.of(SUPER, WRITE)) {
                for (Matcher m = pattern.matcher(source); m.find(); ) {
                    String type = type(m.group(1), constants, file, source, m.start(), findings);
                    if (type != null) {
                        requireType(type, file, source, m.start(), findings);
                    }
                }
            }
            for (Matcher m = CONSTRAINT.matcher(source); m.find(); ) {
                String type = type(m.group(1), constants, file, source, m.start(), findings);
                if (type != null) {
                    requireType(type, file, source, m.start(), findings);
                    require("problem." + type + ".detail" + (m.group(2) == null ? "" : "." + m.group(2)), file,
                            source, m.start(), findings);
                }
            }
            for (Matcher m = DETAIL.matcher(source); m.find(); ) {
                String type = type(m.group(1), constants, file, source, m.start(), findings);
                if (type != null) {
                    requireType(type, file, source, m.start(), findings);
                    require("problem." + type + ".detail", file, source, m.start(), findings);
                }
            }
            for (Matcher m = VARIANT.matcher(source); m.find(); ) {
                String type = type(m.group(1), constants, file, source, m.start(), findings);
                if (type != null) {
                    requireType(type, file, source, m.start(), findings);
                    require("problem." + type + ".detail." + m.group(2), file, source, m.start(), findings);
                }
            }
            for (Matcher m = MESSAGE.matcher(source); m.find(); ) {
                if (m.group(2) == null) {
                    require(m.group(1), file, source, m.start(), findings);
                } else if (known.stream().noneMatch(k -> k.startsWith(m.group(1)))) {
                    findings.add(at(file, source, m.start()) + ": no text starts with " + m.group(1));
                }
            }
            for (Matcher m = VALIDATION.matcher(source); m.find(); ) {
                String message = m.group(1);
                if (!message.startsWith("{") || !message.endsWith("}")) {
                    findings.add(at(file, source, m.start()) + ": validation message \"" + message
                            + "\" should be a {key} with a text in both languages");
                } else {
                    require(message.substring(1, message.length() - 1), file, source, m.start(), findings);
                }
            }
        });
        return findings;
    }

    private void requireType(String type, Path file, String source, int at, List<String> findings) {
        require("problem." + type + ".title", file, source, at, findings);
        if (!known.contains("problem." + type + ".detail")
                && known.stream().noneMatch(k -> k.startsWith("problem." + type + ".detail."))) {
            findings.add(at(file, source, at) + ": problem type " + type + " has no detail");
        }
    }

    private void require(String key, Path file, String source, int at, List<String> findings) {
        if (!known.contains(key)) {
            findings.add(at(file, source, at) + ": no text for " + key);
        }
    }

    /** A literal, or a constant of the module; null for a parameter (its caller is checked). */
    private static @Nullable String type(String argument, Map<String, Set<String>> constants, Path file,
            String source, int at, List<String> findings) {
        if (argument.startsWith("\"")) {
            return argument.substring(1, argument.length() - 1);
        }
        String name = argument.substring(argument.lastIndexOf('.') + 1);
        if (!Character.isUpperCase(name.charAt(0))) {
            return null;
        }
        Set<String> values = constants.getOrDefault(name, Set.of());
        if (values.size() != 1) {
            findings.add(at(file, source, at) + ": cannot tell the problem type " + argument
                    + "; name it with a literal or a constant of the module");
            return null;
        }
        String value = values.iterator().next();
        return value.startsWith("https://") ? value.substring(value.lastIndexOf('/') + 1) : value;
    }

    private Map<String, Set<String>> constants() {
        Map<String, Set<String>> constants = new HashMap<>();
        sources.values().forEach(source -> {
            for (Matcher m = CONSTANT.matcher(source); m.find(); ) {
                constants.computeIfAbsent(m.group(1), n -> new TreeSet<>()).add(m.group(2));
            }
        });
        return constants;
    }

    private static String statement(String source, int start) {
        int end = source.indexOf(';', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    private static String at(Path file, String source, int offset) {
        long line = source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return file + ":" + line;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        for (Matcher m = PLACEHOLDER.matcher(text); m.find(); ) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Keeps the lines, so findings name the right one. */
    private static String withoutBlockComments(String source) {
        return COMMENT.matcher(source).replaceAll(m -> m.group().replaceAll("[^\\n]", ""));
    }

    private static Set<String> onClasspath() {
        try {
            Set<String> keys = new HashSet<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(
                    "classpath*:i18n/*/messages.properties")) {
                try (InputStream in = resource.getInputStream()) {
                    keys.addAll(load(in).keySet());
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> load(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> texts = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return texts;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder, int depth) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder, depth)) {
            return paths.filter(p -> !p.equals(folder)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
