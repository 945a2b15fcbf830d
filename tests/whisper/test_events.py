"""Stored lines and the JSON viewers receive."""

from __future__ import annotations

import json

from plainspeak.whisper.events import Line, viewer_message


def test_viewer_message_is_the_stored_line_with_its_stream_id() -> None:
    line = Line(seq=7, kind="final", original='The "ICB" meets', plain='The "ICB" (care board) meets', changes=[{"start": 5, "end": 8}], at=1.5)
    message = json.loads(viewer_message("1700000000000-0", line.model_dump_json()))
    assert message == {"type": "line", "id": "1700000000000-0", **line.model_dump()}


def test_viewer_message_escapes_the_stream_id() -> None:
    line = Line(seq=1, kind="partial", original="a", plain="a", changes=[], at=0.0)
    assert json.loads(viewer_message('x"y', line.model_dump_json()))["id"] == 'x"y'
