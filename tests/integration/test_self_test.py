"""``loandesk --self-test`` in-process, off screen (conftest sets QT_QPA_PLATFORM).

Takes a few seconds. The frozen bundle's own smoke test is
``scripts/smoke_frozen.sh`` (a full PyInstaller build), not part of this run.
"""

from __future__ import annotations

import time

from desktop import self_test

SELF_TEST_BUDGET_S = 30  # a few seconds normally; generous for a busy CI machine


def test_self_test_passes_and_reports_every_check(qapp, tmp_path):
    lines: list[str] = []
    started = time.monotonic()
    code = self_test.run_self_test(out=lines.append)
    elapsed = time.monotonic() - started
    assert code == 0, "\n".join(lines)
    checks = [name for name, _ in self_test.CHECKS]
    for name in checks:
        assert any(line.startswith(("OK ", "SKIP ")) and f" {name}" in line for line in lines), name
    assert "OK 数据库迁移：结构版本" in "\n".join(lines)
    assert "OK 还款计划：首期还款 8530.99" in "\n".join(lines)
    assert lines[-1].startswith("自检通过")
    assert elapsed < SELF_TEST_BUDGET_S


def test_self_test_leaves_the_users_settings_alone(qapp, tmp_path):
    config_dir = tmp_path / "config"  # LOANDESK_CONFIG_DIR from conftest
    assert self_test.run_self_test(out=lambda _line: None) == 0
    assert not config_dir.exists()


def test_a_failing_check_fails_the_run(qapp, monkeypatch):
    def broken(_context):
        raise ValueError("坏了")

    monkeypatch.setattr(self_test, "CHECKS", [*self_test.CHECKS[:1], ("故障", broken)])
    lines: list[str] = []
    assert self_test.run_self_test(out=lines.append) == 1
    assert "FAIL 故障：ValueError: 坏了" in lines
    assert lines[-1].startswith("自检未通过")


def test_every_offered_document_is_a_pdf(tmp_path):
    schedule = self_test._example_schedule()
    samples = self_test.sample_papers(schedule)
    jobs, broken = self_test.printing_jobs()
    assert not broken
    for paper_type, render in jobs:
        target = tmp_path / f"{paper_type}.pdf"
        render(samples[paper_type], target)
        assert target.read_bytes().startswith(b"%PDF"), paper_type
