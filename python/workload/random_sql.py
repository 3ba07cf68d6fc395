"""Deterministic pseudo-random numbers in SQL.

`rnd(key, step, salt)` hashes a key (usually an account), a step (usually a month index) and a
salt naming the draw together with the seed, and maps the 64-bit hash to a double in [0, 1).
The same arguments always give the same number, whatever the thread count or row order.
The parts are chained through DuckDB's single-value hash (xor, then hash again): hashing them
as one multi-argument `hash()` correlates draws that differ only in their salt.
"""

RANDOM_MACROS_SQL = """
create or replace macro rnd(k, step, salt) as
    (
        hash(xor(hash(k::bigint), hash(xor(hash(step::bigint), hash(salt::varchar || ':$seed')))))
        >> 11
    )::double / 9007199254740992.0;
"""
