package com.m4s.store.wallet;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wallet tables' constraints as problems (decision 0017). */
@Configuration(proxyBeanMethods = false)
class WalletProblems {

    @Bean
    ConstraintProblems walletConstraints() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("wallet_entry_key_uk", "wallet-key-reused", null),
                ConstraintProblem.taken("wallet_entry_top_up_reversal_uk", "wallet-top-up-reversed", null),
                ConstraintProblem.taken("wallet_cash_out_key_uk", "wallet-key-reused", null),
                ConstraintProblem.taken("wallet_balance_principal_ck", "insufficient-wallet-balance", "amount",
                        "race"),
                ConstraintProblem.taken("wallet_balance_bonus_ck", "insufficient-wallet-balance", "amount", "race"));
    }
}
