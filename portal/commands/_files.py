"""An input file (or folder) sent to the running portal: bytes of the file, or a zip of
the folder, unpacked inside the server into a private temporary folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

from portal.errors import ValidationError


def pack(path: Path) -> tuple[bytes, bool]:
    """(bytes, is_folder): a file's bytes, or a folder's plain files zipped."""
    if not path.is_dir():
        return path.read_bytes(), False
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(path.rglob("*")):
            if file.is_file() and not file.is_symlink():
                zf.write(file, file.relative_to(path).as_posix())
    return buf.getvalue(), True


def unpack(payload: bytes, into: Path, name: str, folder: bool) -> Path:
    """Materialise what `pack` made as `into/name`; zip entries that would leave the
    folder are refused."""
    target = into / (Path(name).name or "input")
    if not folder:
        target.write_bytes(payload)
        return target
    target.mkdir()
    with zipfile.ZipFile(io.BytesIO(payload)) as zf:
        for info in zf.infolist():
            parts = PurePosixPath(info.filename).parts
            if not parts or info.filename.startswith("/") or ".." in parts or "\\" in info.filename:
                raise ValidationError(f"refused a file name in the folder: {info.filename}")
            if info.is_dir():
                continue
            dest = target.joinpath(*parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(zf.read(info))
    return target
