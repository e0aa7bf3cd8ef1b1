"""Notes and reasons are kept as people wrote them, for people to read."""

from hypothesis import given
from hypothesis import strategies as st

from domain.customers import required_text
from domain.text import normalize_remark


def test_lines_and_chinese_punctuation_are_kept():
    typed = " 1. 借款人失联，电话停机；\r\n2.\u200b 保证人\u3000无代偿能力。\r"
    assert normalize_remark(typed) == "1. 借款人失联，电话停机；\n2. 保证人 无代偿能力。"


def test_a_remark_field_keeps_lines_where_a_name_field_joins_them():
    assert required_text("甲\n乙", "notes", "处理情况", 50, remark=True) == "甲\n乙"
    assert required_text("甲\n乙", "name", "姓名", 50) == "甲 乙"


@given(st.text())
def test_any_text_gives_a_stripped_remark_without_control_characters(text):
    remark = normalize_remark(text)
    assert remark == remark.strip()
    assert "\r" not in remark
    assert not any(ord(c) < 0x20 and c not in "\t\n" for c in remark)
