-- The price impact says whether the changed trip kept the discount of the charter's quote:
-- the code it was priced with, whether pricing-service applied it, and why not when it did not.
alter table change_case
    add column promo_code         text,
    add column promo_code_applied boolean,
    add column promo_code_note    text,
    add constraint change_case_promo_applied_named check ((promo_code is null) = (promo_code_applied is null));
