package com.m4s.infra;

import static org.assertj.core.api.Assertions.assertThat;
import com.m4s.infra.stack.DemoData;
import com.m4s.infra.stack.Stack;
import com.m4s.platform.servers.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web UI in a real browser against the whole stack with demo data: the suites in {@code web-ui/e2e} (the
 * machine's Chromium driven by playwright-core) sign in through Keycloak's login page and use the pages as people
 * do. Screenshots of every main page are written to {@code infra/target/browser-screenshots}; a suite's output is
 * in {@code infra/target/browser-screenshots/<suite>.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserEndToEndTest {

    private static final long SUITE_TIMEOUT_MINUTES = 10;
    private static final String TEST_GROUP = "e2e_ui";

    private Stack stack;
    private Path webUi;
    private Path artifacts;

    @BeforeAll
    void start() throws IOException {
        Path home = Path.of(System.getProperty("m4s.home", "..")).toAbsolutePath().normalize();
        webUi = home.resolve("web-ui");
        artifacts = home.resolve("infra/target/browser-screenshots");
        Files.createDirectories(artifacts);
        try (Stream<Path> old = Files.list(artifacts)) { // no screenshot of an earlier run is mistaken for this one's
            for (Path file : old.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".log")).toList()) {
                Files.delete(file);
            }
        }
        stack = SharedStack.withDemoData();
    }

    @Test
    void storeManagersCreateMembersThatManagersOfOtherStoresNeverSee() throws Exception {
        runSuite("console", Map.of());
    }

    /** PTS-3 with MEM-4: a segment's campaign, approved by a second manager, reaches the owner's points. */
    @Test
    void aManagersCampaignForASegmentIsApprovedByAnotherManagerAndTheOwnerSeesThePoints() throws Exception {
        runSuite("campaign", Map.of());
    }

    /** The new store goes into a group of its own, so the demo group keeps exactly its three stores. */
    @Test
    void groupExecutivesSeeTheirStoresAndOperatorsWatchANewStoreBeingProvisioned() throws Exception {
        Api operator = new Api(stack.gatewayUrl())
                .withToken(stack.keycloak().passwordToken(DemoData.OPERATOR, DemoData.DEMO_PASSWORD));
        Api.Response group = operator.post("/api/admin/groups", Map.of("code", TEST_GROUP, "name", "界面测试集团"));
        assertThat(group.status()).as(group.raw()).isIn(201, 409);
        runSuite("group", Map.of("M4S_E2E_GROUP", TEST_GROUP));
    }

    @Test
    void ownersUseTheAppOnAPhoneWithoutTheConsolesLibraries() throws Exception {
        runSuite("owner", Map.of());
    }

    @Test
    void membersSignUpAsOwnersWithTheCodeFromTheMessageLogAndSeeTheirCar() throws Exception {
        runSuite("owner-signup", Map.of());
    }

    private void runSuite(String suite, Map<String, String> env) throws Exception {
        Path log = artifacts.resolve(suite + ".log");
        ProcessBuilder builder = new ProcessBuilder(node(), "e2e/run.mjs", suite)
                .directory(webUi.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("M4S_BASE_URL", stack.webOrigin());
        builder.environment().put("M4S_E2E_ARTIFACTS", artifacts.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(SUITE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("browser suite %s did not finish within %d minutes:%n%s", suite,
                SUITE_TIMEOUT_MINUTES, output).isTrue();
        assertThat(process.exitValue()).as("browser suite %s failed:%n%s", suite, output).isZero();
        assertThat(output).contains(suite + ": passed");
    }

    /** The node the web-ui build used (target/node/node), else the one on the PATH. */
    private String node() {
        Path built = webUi.resolve("target/node/node");
        return Files.isExecutable(built) ? built.toString() : "node";
    }
}
