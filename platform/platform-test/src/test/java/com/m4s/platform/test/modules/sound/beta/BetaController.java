package com.m4s.platform.test.modules.sound.beta;

import com.m4s.platform.test.modules.sound.alpha.Alphas;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Uses alpha's view inside its own: one class reached from two controllers is one schema, not a clash. */
@RestController
class BetaController {

    @PostMapping("/betas")
    ResponseEntity<List<BetaCard>> post(@RequestBody BetaRequest request) {
        return ResponseEntity.ok(List.of(new BetaCard(request.name(), new Alphas.AlphaView(request.name()))));
    }

    record BetaRequest(String name, Move move) {
    }

    /** Enums are written inline in the API document: alpha's own Move is no clash. */
    enum Move {
        GO
    }

    record BetaCard(String name, Alphas.AlphaView alpha) {
    }
}
