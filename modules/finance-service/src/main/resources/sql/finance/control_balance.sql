-- Σ debits − Σ credits of account {0}'s lines dated on or before {1} (an index-only scan of
-- journal_line_account_amounts_idx). A credit-normal account's balance is the negation.
select coalesce(sum(l.debit), 0) - coalesce(sum(l.credit), 0) as balance
from finance.journal_line l
where l.account_code = {0} and l.entry_date <= {1}
