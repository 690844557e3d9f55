"""The ``summitlib`` command line: main job, extract, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitlib._seeds import seed_paths
from summitlib.cli import main

CONTRACT_KEYS = ["article", "summits", "meetings", "agreements", "money", "statements"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


class TestMainJob:
    def test_summary_of_the_seeds(self) -> None:
        code, out, err = run()
        assert code == 0, err
        assert "C5+1" in out
        assert "Dushanbe" in out
        assert "Emomali Rahmon" in out
        assert "bilateral: Kassym-Jomart Tokayev – Vladimir Putin" in out
        assert "> 17 bn USD" in out
        assert "Statements (" in out

    def test_python_dash_m(self) -> None:
        proc = subprocess.run(
            [sys.executable, "-m", "summitlib", "--help"], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0
        assert "extract" in proc.stdout


class TestExtract:
    def test_jsonl_prints_one_object_per_seed(self) -> None:
        code, out, _ = run("extract", *map(str, seed_paths()), "--format", "jsonl")
        assert code == 0
        lines = out.splitlines()
        assert len(lines) == 2
        for line in lines:
            assert list(json.loads(line)) == CONTRACT_KEYS

    def test_json_one_path_is_an_object_several_an_array(self) -> None:
        one = json.loads(run("extract", str(seed_paths()[0]))[1])
        assert isinstance(one, dict)
        many = json.loads(run("extract", *map(str, seed_paths()), "--format", "json")[1])
        assert isinstance(many, list)
        assert len(many) == 2

    def test_directory_and_glob(self, tmp_path: Path) -> None:
        for p in seed_paths():
            (tmp_path / p.name).write_bytes(p.read_bytes())
        code, out, _ = run("extract", str(tmp_path), "--format", "jsonl")
        assert (code, len(out.splitlines())) == (0, 2)
        code, out, _ = run("extract", str(tmp_path / "*.txt"), "--format", "jsonl")
        assert (code, len(out.splitlines())) == (0, 2)

    def test_published_for_headerless_text(self, tmp_path: Path) -> None:
        f = tmp_path / "plain.txt"
        f.write_text("Am Freitag tagte in Astana der Gipfel der GUS.\n", encoding="utf-8")
        code, out, _ = run("extract", str(f), "--published", "2025-10-14", "--no-text")
        assert code == 0
        data = json.loads(out)
        assert data["article"]["published"] == "2025-10-14"
        assert "text" not in data["article"]
        assert data["summits"][0]["date"]["start"] == "2025-10-10"


class TestExitCodes:
    def test_failed_file_is_reported_and_others_written(self, tmp_path: Path) -> None:
        bad = tmp_path / "empty.txt"
        bad.write_text("", encoding="utf-8")
        code, out, err = run("extract", str(seed_paths()[0]), str(bad), "--format", "jsonl")
        assert code == 1
        assert len(out.splitlines()) == 1
        assert "empty.txt" in err

    def test_missing_file(self, tmp_path: Path) -> None:
        code, _, err = run("extract", str(tmp_path / "nope.txt"))
        assert code == 1
        assert "nope.txt" in err

    @pytest.mark.parametrize(
        "argv",
        [
            pytest.param(["extract"], id="no-paths"),
            pytest.param(["extract", "x.txt", "--format", "xml"], id="bad-format"),
            pytest.param(["frobnicate"], id="unknown-command"),
            pytest.param(["extract", "no-such-dir/*.txt"], id="glob-without-match"),
            pytest.param(["extract", "x.txt", "--published", "gestern"], id="bad-published"),
        ],
    )
    def test_usage_errors_exit_2(self, argv: list[str]) -> None:
        assert run(*argv)[0] == 2

    def test_help_exits_0(self) -> None:
        code, _, _ = run("--help")
        assert code == 0
