"""Build LoanDesk for the platform this runs on: the PyInstaller folder, then the installer.

    python installer/build.py            # dist/LoanDesk/ (and the setup .exe on Windows)
    python installer/build.py --smoke    # ... then run the frozen program's checks
    python installer/build.py --clean --no-installer

Steps:
1. Read the version from pyproject.toml and write what the bundle needs from
   it: the Windows version resource (file properties → Details) and a
   minimal ``loandesk-<version>.dist-info`` so ``importlib.metadata`` answers
   ``--version`` inside the bundle.
2. Run PyInstaller with ``installer/loandesk.spec`` into ``build/`` and ``dist/``.
3. On Windows, where Inno Setup 6's ``ISCC.exe`` is found, compile
   ``installer/loandesk.iss`` into ``dist/installer/``.
4. With ``--smoke``, run the frozen program with ``--version`` and
   ``--self-test`` (off screen on Linux) and fail if either fails.

Prints the bundle size and the build time. Exit code 0 only if every step passed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "loandesk.spec"
ISS = ROOT / "installer" / "loandesk.iss"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
APP_NAME = "LoanDesk"
BUNDLE = DIST / APP_NAME
GENERATED = BUILD / "generated"

IS_WIN = sys.platform == "win32"
VERSION_TIMEOUT_S = 120
SELF_TEST_TIMEOUT_S = 300


# --- version -------------------------------------------------------------------------


def project_version() -> str:
    """The version in pyproject.toml; the installed metadata if it is not written there."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    if "version" in project:
        return project["version"]
    from importlib.metadata import version

    return version("loandesk")


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """``0.1.0rc1`` → (0, 1, 0, 0): Windows version resources take four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0].split("rc")[0])[:4]]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


VERSION_INFO_TEMPLATE = """\
# Windows version resource for PyInstaller's EXE(version=...), written by build.py.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
        StringStruct('CompanyName', 'LoanDesk'),
        StringStruct('FileDescription', '小微信贷柜面系统 LoanDesk'),
        StringStruct('FileVersion', '{version}'),
        StringStruct('InternalName', 'LoanDesk'),
        StringStruct('LegalCopyright', ''),
        StringStruct('OriginalFilename', 'LoanDesk.exe'),
        StringStruct('ProductName', '小微信贷柜面系统 LoanDesk'),
        StringStruct('ProductVersion', '{version}')
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def write_version_info(version: str, folder: Path = GENERATED) -> Path:
    """The version resource file (Simplified Chinese, Unicode: 0x0804 / 1200)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "version_info.txt"
    text = VERSION_INFO_TEMPLATE.format(numbers=numeric_version(version), version=version)
    path.write_text(text, encoding="utf-8")
    return path


def write_metadata(version: str, folder: Path = GENERATED) -> Path:
    """A minimal dist-info folder: the bundle has no installed ``loandesk`` to copy it from."""
    dist_info = folder / f"loandesk-{version}.dist-info"
    for old in folder.glob("loandesk-*.dist-info"):
        shutil.rmtree(old)  # an older version's folder would answer first
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: loandesk\nVersion: {version}\n"
        "Summary: 小微信贷柜面系统 LoanDesk\n",
        encoding="utf-8",
    )
    return dist_info


# --- PyInstaller -----------------------------------------------------------------------


def run_pyinstaller(version: str, *, clean: bool, verbose: bool) -> float:
    """Build dist/LoanDesk/; returns the seconds it took."""
    env = dict(os.environ)
    env["LOANDESK_VERSION_INFO"] = str(write_version_info(version))
    env["LOANDESK_METADATA_DIR"] = str(write_metadata(version))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
        "--log-level",
        "INFO" if verbose else "WARN",
    ]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return time.monotonic() - started


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under ``folder`` (links counted once, not followed)."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def frozen_executable(console: bool = True) -> Path:
    """The program in the bundle; on Windows the console twin prints, the windowed one cannot."""
    if IS_WIN:
        return BUNDLE / ("loandesk-cli.exe" if console else f"{APP_NAME}.exe")
    return BUNDLE / APP_NAME


# --- Inno Setup ------------------------------------------------------------------------


def find_iscc() -> Path | None:
    """ISCC.exe on PATH or in the usual Inno Setup 6 folders."""
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        root = os.environ.get(base)
        if not root:
            continue
        for sub in ("Inno Setup 6", r"Programs\Inno Setup 6"):
            candidate = Path(root) / sub / "ISCC.exe"
            if candidate.is_file():
                return candidate
    return None


def run_iscc(iscc: Path, version: str) -> float:
    """Compile the installer into dist/installer/; returns the seconds it took."""
    chinese = iscc.parent / "Languages" / "ChineseSimplified.isl"
    if not chinese.is_file():
        raise SystemExit(
            f"缺少 {chinese}：Inno Setup 的简体中文语言文件是非官方翻译，"
            "部分安装包不带。按 installer/README.md 的说明放入该文件后重试。"
        )
    command = [
        str(iscc),
        f"/DAppVersion={version}",
        f"/DAppNumericVersion={'.'.join(map(str, numeric_version(version)))}",
        f"/DDistDir={BUNDLE}",
        f"/O{DIST / 'installer'}",
        str(ISS),
    ]
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.monotonic() - started


# --- the smoke test -------------------------------------------------------------------------


def smoke_environment(home: Path) -> dict[str, str]:
    """Off screen on Linux, and settings, data and logs in a throw-away folder."""
    env = dict(os.environ)
    env.pop("LOANDESK_DATABASE_URL", None)
    env["LOANDESK_CONFIG_DIR"] = str(home / "config")
    env["LOANDESK_DATA_DIR"] = str(home / "data")
    env["LOANDESK_LOG_DIR"] = str(home / "logs")
    if sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_frozen(args: list[str], env: dict[str, str], timeout: int) -> tuple[int, str]:
    """Exit code and combined output of the frozen program (124 on a timeout)."""
    try:
        done = subprocess.run(
            [str(frozen_executable()), *args],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        output = exc.stdout or ""
        if isinstance(output, bytes):
            output = output.decode("utf-8", "replace")
        return 124, output + f"\n（{timeout} 秒内没有结束）"
    return done.returncode, (done.stdout or "") + (done.stderr or "")


def smoke(version: str) -> bool:
    """Run ``--version`` and ``--self-test`` on the frozen program; True if both passed."""
    passed = True
    with tempfile.TemporaryDirectory(prefix="loandesk-smoke-") as home:
        env = smoke_environment(Path(home))
        code, output = run_frozen(["--version"], env, VERSION_TIMEOUT_S)
        ok = code == 0 and version in output
        print(f"{'OK' if ok else 'FAIL'} --version（退出码 {code}）：{output.strip()}")
        passed &= ok
        started = time.monotonic()
        code, output = run_frozen(["--self-test"], env, SELF_TEST_TIMEOUT_S)
        ok = code == 0
        print(output.rstrip())
        print(
            f"{'OK' if ok else 'FAIL'} --self-test（退出码 {code}，"
            f"{time.monotonic() - started:.1f} 秒）"
        )
        passed &= ok
    return passed


# --- main ------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build the LoanDesk bundle and installer.")
    parser.add_argument("--smoke", action="store_true", help="run the frozen program's checks")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--no-installer", action="store_true", help="skip Inno Setup even where it is found"
    )
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's INFO log")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    version = project_version()
    print(f"LoanDesk {version}: building on {sys.platform} with Python {sys.version.split()[0]}")
    seconds = run_pyinstaller(version, clean=args.clean, verbose=args.verbose)
    size, files = folder_size(BUNDLE)
    print(f"bundle: {BUNDLE} — {size / 2**20:.1f} MiB in {files} files, built in {seconds:.0f} s")
    if IS_WIN and not args.no_installer:
        iscc = find_iscc()
        if iscc is None:
            print("Inno Setup 6 (ISCC.exe) not found: installer skipped.")
        else:
            iscc_seconds = run_iscc(iscc, version)
            for setup in sorted((DIST / "installer").glob("*.exe")):
                print(f"installer: {setup} — {setup.stat().st_size / 2**20:.1f} MiB")
            print(f"installer built in {iscc_seconds:.0f} s")
    if args.smoke and not smoke(version):
        print("smoke test FAILED", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
