"""Password hashing with argon2id."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended costs


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy_hash: str | None = None


def spend_equal_time(password: str) -> None:
    """Check against a hash of nothing anyone can type, so that an unknown user
    name costs the same time as a wrong password and timing reveals no names.
    The hash is made on first use: start-up should not pay for it."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("\x00 no such user \x00")
    password_matches(_dummy_hash, password)
