package com.m4s.infra.bench;

import com.m4s.infra.stack.JavaService;
import com.m4s.infra.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Warnings and errors the services logged while being measured, printed before the stack and its logs go away: a
 * figure taken while a service was failing is not worth much. store-console's log starts at its restart.
 */
final class ServiceLogs {

    private static final List<String> SERVICES = List.of("tenant-admin", "store-console", "gateway");
    private static final Pattern PROBLEM = Pattern.compile("\\b(WARN|ERROR)\\b");
    private static final int SHOWN = 5;

    private ServiceLogs() {
    }

    /** Prints, per service, how many lines were warnings or errors and the first few of them; returns the total. */
    static int print(Stack stack) {
        System.out.println();
        System.out.println("== Service logs: warnings and errors");
        int total = 0;
        for (String name : SERVICES) {
            JavaService service = stack.service(name);
            List<String> problems = problems(service);
            System.out.println(Format.of("   %-14s %d WARN/ERROR lines%s", name, problems.size(),
                    problems.isEmpty() ? "" : " (" + service.log() + "), first:"));
            problems.stream().limit(SHOWN).forEach(line -> System.out.println("      " + abbreviate(line)));
            total += problems.size();
        }
        return total;
    }

    /** The service's log so far, read leniently as UTF-8. */
    static List<String> lines(JavaService service) {
        try {
            return new String(Files.readAllBytes(service.log()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + service.name(), e);
        }
    }

    private static List<String> problems(JavaService service) {
        return lines(service).stream().filter(line -> PROBLEM.matcher(line).find()).toList();
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + " ...";
    }
}
