"""Data cached once per version is shared by every session: a page that changes its copy changes its own."""

from __future__ import annotations

import numpy as np

from dashboard import state
from indicators.core.model import Dataset


def test_a_readers_copy_shares_the_data_until_written(seed_data: Dataset) -> None:
    copy = state.readers_copy(seed_data)
    assert copy.version == seed_data.version
    values = seed_data.observations["value"]
    # No data copied for reading: the same memory as the shared dataset.
    assert np.shares_memory(copy.observations["value"].to_numpy(), values.to_numpy())

    before = values.tolist()
    copy.observations.loc[copy.observations.index[0], "value"] = -1.0
    copy.observations["extra"] = 1
    copy.indicators.iloc[0, 0] = "changed"
    # The shared dataset (what the next session reads) is untouched.
    assert seed_data.observations["value"].tolist() == before
    assert "extra" not in seed_data.observations
    assert seed_data.indicators.iloc[0, 0] != "changed"
    assert copy.observations["value"].iloc[0] == -1.0
