-- Keyset paging of a code's redemptions (ORDER BY redeemed_at desc, reference): the next page
-- starts at "redeemed_at <= the cursor's time", a range of this index, instead of reading every
-- redemption it skips. The primary key (code, reference) cannot serve that order.
create index promo_redemptions_code_time_idx on promo_redemptions (code, redeemed_at desc, reference);
