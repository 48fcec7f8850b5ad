"""A lazily computed, cached attribute without a lock.

``functools.cached_property`` before Python 3.12 takes one lock per property shared by every
instance of the class. A check running on worker threads (the round trip scores sentences with
their own documents and contexts) would then wait on the lock that the main thread holds while it
waits for those workers: a deadlock. Python 3.12 dropped the lock; this is that behaviour on every
supported version. Two threads may compute the same value once each; the computations here are
pure, so either result is the same.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):  # noqa: N801 - a drop-in for functools.cached_property
    """Compute on first access, then store in the instance's ``__dict__``."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.attrname: str | None = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> "cached_property[T]": ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.attrname] = value
        return value
