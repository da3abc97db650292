"""The build date: the last commit's date when SOURCE_DATE_EPOCH is set (reproducible builds)."""
from __future__ import annotations

import datetime as dt
import os


def date_de_construction() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
