package com.m4s.admin.billing;

import com.m4s.admin.store.WriteHold;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A group's stores serve reads only while its subscription is READ_ONLY or CANCELED (decision 0047). */
@Component
class BillingHold implements WriteHold {

    private final BillingAccountRepository accounts;

    BillingHold(BillingAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean readOnly(String groupCode) {
        return accounts.findById(groupCode).map(a -> a.status().storesReadOnly()).orElse(false);
    }
}
