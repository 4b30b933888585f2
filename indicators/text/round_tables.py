"""A round's status in words: each state as icon and word, lateness, figures sent; headers put on last."""

from __future__ import annotations

import pandas as pd

from indicators.areas import hierarchy
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# Times are shown as people in Việt Nam read them.
LOCAL_TIME = "Asia/Ho_Chi_Minh"
# Each state has its own icon and word: the state never rests on a colour alone. Plain symbols that
# ordinary fonts draw (an emoji font is not on every office computer, nor in headless Chromium).
ICONS = {"not_sent": "○", "pending": "◐", "returned": "↩", "approved": "✓"}


def state_words(states: pd.Series, lang: Lang) -> list[str]:
    """Each state as icon and word: "✓ đã duyệt"."""
    return [f"{ICONS[s]} {t(f'rounds.state.{s}', lang)}" for s in states]


def late_words(days: pd.Series, states: pd.Series, lang: Lang) -> list[str]:
    """On time, or how many days late (counted to today for an area that has not sent)."""
    out = []
    for n, s in zip(days, states, strict=True):
        if n <= 0:
            out.append(t("rounds.on_time", lang) if s != "not_sent" else "")
        else:
            key = "rounds.one_day_late" if n == 1 else "rounds.days_late"
            out.append(t(key, lang).format(n=fmt.number(int(n), lang)))
    return out


def for_people(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The status table with headers and words in the reader's language, put on last."""
    sent = pd.to_datetime(frame["submitted_at"], utc=True).dt.tz_convert(LOCAL_TIME)
    return pd.DataFrame(
        {
            t("rounds.col.area", lang): [hierarchy.name_in(str(n), lang) for n in frame["name"]],
            t("rounds.col.code", lang): frame["code"],
            t("rounds.col.state", lang): state_words(frame["state"], lang),
            t("rounds.col.submitted_at", lang): [
                "" if pd.isna(m) else fmt.moment(m.to_pydatetime(), lang) for m in sent
            ],
            t("rounds.col.late", lang): late_words(frame["late_days"], frame["state"], lang),
            t("rounds.col.received", lang): [
                f"{fmt.number(r, lang)}/{fmt.number(e, lang)}"
                for r, e in zip(frame["received"], frame["expected"], strict=True)
            ],
            t("rounds.col.completeness", lang): (frame["completeness"] * 100).round(1),
        }
    )


def not_sent(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The areas that have not sent, as `for_people` shows them: the list a reminder goes to."""
    return for_people(frame[frame["state"] == "not_sent"].reset_index(drop=True), lang)
