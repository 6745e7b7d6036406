package com.coachway.finance.ledger;

import java.util.Optional;

/** The chart of accounts, fixed: the V1 migration seeds the same codes, names and normal sides. */
public enum Account {
    CASH("1000", "cash", Side.DEBIT),
    ACCOUNTS_RECEIVABLE("1100", "accounts_receivable", Side.DEBIT),
    ACCOUNTS_PAYABLE("2000", "accounts_payable", Side.CREDIT),
    CUSTOMER_DEPOSITS("2100", "customer_deposits", Side.CREDIT),
    REVENUE("4000", "revenue", Side.CREDIT),
    COST_OF_CHARTER_SERVICES("5000", "cost_of_charter_services", Side.DEBIT),
    PROCESSING_FEES("5100", "processing_fees", Side.DEBIT);

    public enum Side {
        DEBIT, CREDIT;

        public String code() {
            return this == DEBIT ? "debit" : "credit";
        }
    }

    private final String code;
    private final String accountName;
    private final Side normalSide;

    Account(String code, String accountName, Side normalSide) {
        this.code = code;
        this.accountName = accountName;
        this.normalSide = normalSide;
    }

    public String code() {
        return code;
    }

    /** The name the API shows and accepts, e.g. {@code accounts_receivable}. */
    public String accountName() {
        return accountName;
    }

    public Side normalSide() {
        return normalSide;
    }

    /** By code ("1100") or name ("accounts_receivable"). */
    public static Optional<Account> find(String codeOrName) {
        for (Account a : values()) {
            if (a.code.equals(codeOrName) || a.accountName.equals(codeOrName)) return Optional.of(a);
        }
        return Optional.empty();
    }

    public static Account ofCode(String code) {
        for (Account a : values()) if (a.code.equals(code)) return a;
        throw new IllegalArgumentException("no account " + code);
    }
}
