"""Plain result types without ``dataclasses``' start-up cost.

``@dataclass`` writes each class's ``__init__``, ``__repr__`` and ``__eq__`` as source text
and runs ``exec`` on it when the module is imported: about half a millisecond per class,
and backskills has about a hundred result types (the ``today`` command alone imported 43,
costing 19 ms). ``@plain`` gives the same behaviour with shared functions that read the
class's field list, so defining a class costs almost nothing. Type checkers treat it as a
dataclass (``typing.dataclass_transform``, PEP 681).

Supported: fields with a default or ``field(default=..., default_factory=..., repr=...)``,
``frozen=True`` (no assignment after ``__init__``, hashable), equality field by field, a
repr like a dataclass's, ``astuple`` and ``replace``. Not supported (and not used):
``__post_init__``, ``InitVar``, ordering, ``slots``, keyword-only fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, dataclass_transform

__all__ = ["FrozenInstanceError", "astuple", "field", "plain", "replace"]

T = TypeVar("T")
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen result."""


class _Field:
    __slots__ = ("default", "factory", "repr")

    def __init__(self, default: Any, factory: Callable[[], Any] | None, repr: bool) -> None:
        self.default = default
        self.factory = factory
        self.repr = repr


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    repr: bool = True,
) -> Any:
    """A field's default (or a factory called for each new object) and whether repr shows it."""
    if default is not _MISSING and default_factory is not None:
        raise ValueError("a field takes a default or a default_factory, not both")
    return _Field(default, default_factory, repr)


# Per class: (names, defaults, factories, names shown by repr). ``defaults[name]`` is the
# value used when an argument is left out; ``factories[name]`` is called instead.
_Spec = tuple[tuple[str, ...], dict[str, Any], dict[str, Callable[[], Any]], tuple[str, ...]]


def _spec_of(cls: type) -> _Spec:
    names: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    hidden: set[str] = set()
    for base in reversed(cls.__mro__[1:]):
        spec = base.__dict__.get("__plain_spec__")
        if spec is not None:
            for name in spec[0]:
                if name not in names:
                    names.append(name)
            defaults.update(spec[1])
            factories.update(spec[2])
            hidden.update(n for n in spec[0] if n not in spec[3])
    # Not inspect.get_annotations: importing inspect costs more than this whole module saves.
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if _is_class_var(annotation):
            continue
        if name not in names:
            names.append(name)
        value = cls.__dict__.get(name, _MISSING)
        defaults.pop(name, None)
        factories.pop(name, None)
        hidden.discard(name)
        if isinstance(value, _Field):
            if value.factory is not None:
                factories[name] = value.factory
            elif value.default is not _MISSING:
                defaults[name] = value.default
            if not value.repr:
                hidden.add(name)
            if value.default is not _MISSING:
                setattr(cls, name, value.default)
            else:
                delattr(cls, name)
        elif value is not _MISSING:
            defaults[name] = value
    seen_default = False
    for name in names:
        has_default = name in defaults or name in factories
        if seen_default and not has_default:
            raise TypeError(
                f"{cls.__name__}: field {name!r} without a default follows one with a default"
            )
        seen_default = seen_default or has_default
    shown = tuple(n for n in names if n not in hidden)
    return tuple(names), defaults, factories, shown


def _is_class_var(annotation: Any) -> bool:
    """``ClassVar[...]``, written as a string (``from __future__ import annotations``) or not."""
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or getattr(annotation, "__origin__", None) is ClassVar


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    names, defaults, factories, _ = type(self).__plain_spec__
    if len(args) > len(names):
        raise TypeError(f"{type(self).__name__}() takes {len(names)} arguments, got {len(args)}")
    values = dict(zip(names, args, strict=False))
    for name, value in kwargs.items():
        if name not in names:
            raise TypeError(f"{type(self).__name__}() got an unexpected argument {name!r}")
        if name in values:
            raise TypeError(f"{type(self).__name__}() got {name!r} twice")
        values[name] = value
    set_value = object.__setattr__
    for name in names:
        if name in values:
            set_value(self, name, values[name])
        elif name in factories:
            set_value(self, name, factories[name]())
        elif name in defaults:
            set_value(self, name, defaults[name])
        else:
            raise TypeError(f"{type(self).__name__}() is missing the argument {name!r}")


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in type(self).__plain_spec__[0])


def _repr(self: Any) -> str:
    shown = type(self).__plain_spec__[3]
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
    return f"{type(self).__qualname__}({inner})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _make(cls: type[T], frozen: bool) -> type[T]:
    spec = _spec_of(cls)
    type.__setattr__(cls, "__plain_spec__", spec)
    type.__setattr__(cls, "__match_args__", spec[0])
    for name, function in (("__init__", _init), ("__repr__", _repr), ("__eq__", _eq)):
        if name not in cls.__dict__:
            type.__setattr__(cls, name, function)
    if frozen:
        type.__setattr__(cls, "__setattr__", _frozen_setattr)
        type.__setattr__(cls, "__delattr__", _frozen_delattr)
        type.__setattr__(cls, "__hash__", _hash)
    elif "__eq__" not in cls.__dict__ or cls.__dict__["__eq__"] is _eq:
        type.__setattr__(cls, "__hash__", None)  # as a dataclass: mutable, so unhashable
    return cls


@dataclass_transform(field_specifiers=(field,))
def plain(cls: type[T] | None = None, /, *, frozen: bool = False) -> Any:
    """Make ``cls`` a plain result type (``@plain`` or ``@plain(frozen=True)``)."""
    if cls is None:
        return lambda inner: _make(inner, frozen)
    return _make(cls, frozen)


def astuple(obj: Any) -> tuple[Any, ...]:
    """The field values in order (not recursive: no result type nests another here)."""
    return _values(obj)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of ``obj`` with some fields changed (as ``dataclasses.replace``)."""
    names = type(obj).__plain_spec__[0]  # type: ignore[attr-defined]
    return type(obj)(**{**{name: getattr(obj, name) for name in names}, **changes})
