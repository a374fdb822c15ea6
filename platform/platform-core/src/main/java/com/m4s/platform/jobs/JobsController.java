package com.m4s.platform.jobs;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the service's jobs: each job with how many stores it visited and how many now fail, and per
 * store the last run, the last error and when it is due again. On each service at {@code /internal/jobs} (called on
 * the service, not through the gateway, like the other internal endpoints).
 */
@RestController
@RequestMapping("/internal/jobs")
@Allow(Permission.JOB_RUNS_VIEW)
class JobsController {

    private static final int MAX_LIMIT = 1_000;

    private final StoreJobRunner runner;

    JobsController(StoreJobRunner runner) {
        this.runner = runner;
    }

    @GetMapping
    List<JobRuns.JobView> jobs() {
        return runner.jobNames().stream().map(runner::view).toList();
    }

    /** @param failing only the stores whose last run failed */
    @GetMapping("/{name}/stores")
    List<JobRuns.StoreRun> stores(@PathVariable String name,
            @RequestParam(defaultValue = "false") boolean failing,
            @RequestParam(defaultValue = "200") int limit) {
        if (!runner.has(name)) {
            throw new ApiException.NotFound("job", name);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException.Unprocessable("invalid-limit", MAX_LIMIT)
                    .field("limit");
        }
        return runner.stores(name, failing, limit);
    }
}
