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


# A hash of nothing anyone can type: checking against it when the user does not
# exist costs the same time as a real check, so timing does not reveal names.
_DUMMY_HASH = _hasher.hash("\x00 no such user \x00")


def spend_equal_time(password: str) -> None:
    password_matches(_DUMMY_HASH, password)
