package com.m4s.platform.test.modules.broken.beta;

import com.m4s.platform.test.modules.broken.alpha.AlphaEntity;
import com.m4s.platform.test.modules.broken.alpha.AlphaRepository;
import com.m4s.platform.test.modules.broken.alpha.internal.AlphaRules;

/** Planted: a feature reaching into another feature's repository, entity and internal package. */
class BetaReports {

    private final AlphaRepository alphas;

    BetaReports(AlphaRepository alphas) {
        this.alphas = alphas;
    }

    boolean check(AlphaEntity alpha) {
        return AlphaRules.valid(String.valueOf(alpha.id)) && alphas.existsById(alpha.id);
    }
}
