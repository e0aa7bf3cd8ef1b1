"""Errors the domain raises. Every message is written for a desk clerk, in Chinese.

The desktop shows ``str(error)`` as it is; the command line prints it to stderr.
"""


class DomainError(Exception):
    """A business rule refused the request. The message says what to fix."""


class ValidationError(DomainError):
    """Input that cannot be understood or breaks a rule of form.

    ``field`` names the input the message belongs to, so a form can show the
    message beside it.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class PermissionDenied(DomainError):
    """The acting user's roles do not allow this."""


class NotFound(DomainError):
    """The record asked for does not exist (or no longer exists)."""


class ConcurrencyConflict(DomainError):
    """Someone else saved the same record first."""

    def __init__(self, message: str = "该记录已被其他人修改，请重新加载后再操作。"):
        super().__init__(message)


class AuthenticationFailed(DomainError):
    """Wrong user name or password, or the account is locked."""


class StorageUnavailable(DomainError):
    """The database cannot be reached. What the user typed must be kept for a retry."""
