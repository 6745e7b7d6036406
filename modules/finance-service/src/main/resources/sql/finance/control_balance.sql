-- An account's balance on its normal side as of {1}: Σ (debit − credit) of its lines dated on or
-- before it, negated for a credit-normal account. {0} is the account code.
select coalesce(sum(case when a.normal_side = 'debit' then l.debit - l.credit else l.credit - l.debit end), 0) as balance
from finance.journal_line l
join finance.account a on a.code = l.account_code
where l.account_code = {0} and l.entry_date <= {1}
