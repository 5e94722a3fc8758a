"""The command line: parse, record, fmt; stdin; errors without tracebacks."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from vnplan.cli import main

from .conftest import FIXTURES

SAMPLE = FIXTURES / "sample_kehoach.txt"


def run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "vnplan.cli", *args], input=stdin, capture_output=True, check=False)


def test_record_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``vnplan record`` prints one record per document, as RECORD.md describes."""
    assert main(["record", str(SAMPLE)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["number"] == 5 and records[0]["symbol"] == "KH-UBND"
    assert records[0]["sections"] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"]


def test_record_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV output has a header row and the file name."""
    assert main(["record", "--format", "csv", str(SAMPLE)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["file"] == str(SAMPLE) and rows[0]["type"] == "KH"


def test_parse_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    """``vnplan parse`` prints the model as JSON, or normalized text."""
    assert main(["parse", str(SAMPLE)]) == 0
    model = json.loads(capsys.readouterr().out)
    assert model[0]["title"]["type_name"] == "KẾ HOẠCH"
    assert main(["parse", "--format", "text", str(SAMPLE)]) == 0
    assert capsys.readouterr().out.startswith("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n")


def test_stdin() -> None:
    """``-`` reads standard input."""
    out = run(["record", "-"], stdin=SAMPLE.read_bytes())
    assert out.returncode == 0
    assert json.loads(out.stdout)[0]["type"] == "KH"


def test_fmt_check_diff_and_write(tmp_path: Path) -> None:
    """``fmt --check`` exits 1 on a file that would change, ``--diff`` shows it, plain
    ``fmt`` rewrites it, after which ``--check`` passes."""
    target = tmp_path / "doc.txt"
    target.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["fmt", "--check", str(target)]) == 1
    assert run(["fmt", "--diff", str(target)]).stdout.startswith(b"---")
    assert main(["fmt", str(target)]) == 0
    assert main(["fmt", "--check", str(target)]) == 0


def test_errors_have_position_and_no_traceback(tmp_path: Path) -> None:
    """Bad input gives ``file:line:col: message`` and exit status 2, never a traceback."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes("KẾ HOẠCH\nxin chào \xff\xfe\n".encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"))
    out = run(["record", str(bad)])
    assert out.returncode == 2
    err = out.stderr.decode()
    assert f"{bad}:2:" in err and "Traceback" not in err
    missing = run(["record", str(tmp_path / "missing.txt")])
    assert missing.returncode == 2 and b"Traceback" not in missing.stderr


def test_input_size_limit_for_files_and_stdin(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    out = run(["parse", "--max-bytes", "1000", str(big)])
    assert out.returncode == 2 and b"larger than 1000 bytes" in out.stderr and b"Traceback" not in out.stderr
    out = run(["check", "--max-bytes", "1000", "-"], stdin=b"a" * 5000)
    assert out.returncode == 2 and b"<stdin>: input larger" in out.stderr


def test_not_utf8_position_counts_code_points_and_every_line_break(tmp_path: Path) -> None:
    for end in (b"\n", b"\r", b"\r\n"):
        bad = tmp_path / "bad.txt"
        bad.write_bytes("Số: 12/KH".encode() + end + "Kế hoạch tổ chức \xff".encode().replace(b"\xc3\xbf", b"\xff"))
        out = run(["parse", str(bad)])
        assert out.returncode == 2
        assert f"{bad}:2:18: input is not UTF-8 text" in out.stderr.decode(), out.stderr


def test_batch_errors_keep_file_line_col(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"abc\nxy\xab\n")
    for extra in ([], ["-j", "2"]):
        out = run(["record", *extra, str(tmp_path)])
        assert out.returncode == 2
        assert f"{tmp_path / 'bad.txt'}:2:3: input is not UTF-8 text" in out.stderr.decode()
        assert json.loads(out.stdout)  # the good file's records still come


def test_overlong_path_is_an_error_not_a_traceback() -> None:
    for command in ("record", "parse", "check", "fmt"):
        out = run([command, "x" * 300 + ".txt"])
        assert out.returncode == 2 and b"Traceback" not in out.stderr, (command, out.stderr)


def test_fmt_says_which_document_it_kept(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    target.write_text(text.replace("Nơi nhận:", "Nơi nhận:\nNơi nhận:", 1), encoding="utf-8")
    out = run(["fmt", str(target)])
    assert out.returncode == 0, out.stderr
    assert "kept as written" in out.stderr.decode() or target.read_text(encoding="utf-8").count("Nơi nhận") == 2


def test_check_does_not_load_the_plan_layer(tmp_path: Path) -> None:
    # The reference finder, the plan layer, cattrs and multiprocessing are loaded on first use:
    # a check (the CLI's start) does not pay for them; vnplan.plan and vnplan.references still work.
    sample = tmp_path / "a.txt"
    sample.write_text("KẾ HOẠCH\nThực hiện Quyết định số 12/QĐ-UBND.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from vnplan.cli import main\n"
        f"main(['check', '--exit-zero', {str(sample)!r}])\n"
        "heavy = {'vnplan.citations', 'vnplan.planning', 'vnplan.batch', 'cattrs', 'multiprocessing'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
        "import vnplan\n"
        "print(vnplan.references('Quyết định số 12/QĐ-UBND')[0].number, callable(vnplan.plan))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-2:] == ["[]", "12 True"]
