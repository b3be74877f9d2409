"""What every output of din_graph shares: text that cannot lie, dates, and writes that lose nothing.

Three small guarantees live here, in the lowest layer beside :mod:`._errors`, so
that every writer (files, drawings, workbooks, reports) and every printer
(the ``din`` command) uses the same one:

* :func:`printable` shows a text on one terminal line exactly as it is:
  control characters, escape sequences, bidirectional overrides and line
  separators become visible ``\\x1b``-style escapes instead of acting.
* :func:`source_date` is the one clock a file may record: the
  ``SOURCE_DATE_EPOCH`` of reproducible builds, or none at all.
* :func:`write_file` writes to a temporary file in the target's folder and
  moves it into place, so a failed or interrupted write leaves the previous
  file as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from ._errors import DinFileError

__all__ = ["json_printable", "printable", "source_date", "write_file"]

# Characters that act on a terminal or reorder what a reader sees rather than show
# themselves: C0 controls, DEL, C1 controls (U+009B is CSI on its own), the
# bidirectional embeddings, overrides and isolates (Trojan Source), and the Unicode
# line and paragraph separators that some terminals and editors break lines on.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# In JSON text only the characters that JSON itself leaves raw inside strings:
# json.dumps already writes C0 controls as escapes, and outside strings JSON holds
# nothing but ASCII punctuation, digits, letters and its own whitespace.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""``text`` on one line, every character that would act on a terminal shown as an escape.

    A title can then never start a second line that looks like a real finding,
    recolour the terminal or reorder the text around it.  Everything else,
    accented letters included, is kept as it is.

    Examples
    --------
    >>> print(printable("O1: doel\nO9: vals \x1b[31mrood\u202e"))
    O1: doel\x0aO9: vals \x1b[31mrood\u202e
    >>> printable("Groen in de wijk – één")
    'Groen in de wijk – één'
    """
    return _UNSAFE.sub(_escape, text)


def json_printable(text: str) -> str:
    r"""JSON text with the characters JSON leaves raw written as ``\uXXXX`` escapes.

    The JSON still decodes to the same values; it only cannot act on the
    terminal it is printed to.

    Examples
    --------
    >>> import json
    >>> text = json_printable(json.dumps({"title": "a\u202eb\x85"}, ensure_ascii=False))
    >>> text, json.loads(text) == {"title": "a\u202eb\x85"}
    ('{"title": "a\\u202eb\\u0085"}', True)
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def source_date() -> dt.datetime | None:
    """The date a written file may record: ``SOURCE_DATE_EPOCH`` (UTC), or ``None`` to record none.

    Files then depend on their input alone, never on the clock (see
    reproducible-builds.org).  A value that is not a whole number of seconds
    is ignored, as if unset.

    Examples
    --------
    >>> import os
    >>> os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    >>> source_date().isoformat()
    '2023-11-14T22:13:20+00:00'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    >>> source_date() is None
    True
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def write_file(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` so that it is either wholly written or not at all.

    The data goes to a temporary file in the same folder, is flushed to disk and
    then moved over ``path`` in one step (``os.replace``): a failure or an
    interruption part-way leaves the previous file intact and no temporary file
    behind.  A symbolic link is written through to the file it points at.  The
    file keeps the permissions of the one it replaces (a new one gets the
    usual ``0o666`` less the umask).

    Raises
    ------
    DinFileError
        When the folder cannot be made or the file cannot be written; the
        message names the file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "uit.yaml"
    >>> write_file(target, "id: p\\n").read_text(encoding="utf-8")
    'id: p\\n'
    """
    target = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise DinFileError(str(path), f"cannot write: {exc.strerror or exc}") from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return Path(path)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        pass
    # The umask can only be read by setting it; set it straight back.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
