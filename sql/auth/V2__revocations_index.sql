-- GET /revocations: sessions (refresh-token families) ended recently for any reason but rotation,
-- polled every few seconds by every other service. Rotation is the common case and is not a
-- revocation, so the partial index holds only the rows the poll looks for: a range scan on
-- revoked_at over the last ~20 minutes. The query must spell the predicate with the literal
-- 'rotated' (not a bind parameter) for PostgreSQL to use this index.
create index refresh_tokens_revoked_idx on refresh_tokens (revoked_at)
    where revoked_reason <> 'rotated';
