"""Golden tables: whole frames from the shipped data compared with the expected frame written out here.

Like sdg-build's tests, a change anywhere in a frame (a row, an order, a status, a number)
fails here, and the CSV below shows a reviewer exactly what the engine gives.
"""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
import pandas as pd

from indicators.core import progress, selection
from indicators.core.model import OBSERVATIONS, Dataset, coerce
from indicators.text import tables

# Economy and tourism, district, 2015–2020, English names: tables.results. Implied targets are
# rounded to what their printed % supports (2.120,0; 45,0); 17/17 is a count of a total, no target.
RESULTS = """
code,indicator,unit,year,actual,qualifier,change,period,target_kind,target,derived,comparator,pct,reported,status,actual_kind,target_basis,pct_basis,yearly,target_qualifier,level_unit,value_kind
INCOME_PC,Average income per person,million VND/person/year,2019,,,,2015-2020,KH,,False,,104.3,104.3,vuot,,none,printed,False,,million VND/person/year,level
INCOME_PC,Average income per person,million VND/person/year,2020,30,,,2015-2020,NQ,30,True,at_least,100,100,dat,estimate,implied,printed,False,,million VND/person/year,level
GTSX,Total production value,billion VND,2020,2503.3,,1050.2,2015-2020,NQ,2120,True,at_least,118.08,118.08,vuot,estimate,implied,printed,False,,billion VND,level
BUDGET_REV,State budget revenue collected in the district,billion VND,2019,,,,2015-2020,KH,,False,,105.4,105.4,vuot,,none,printed,False,,billion VND,level
GTSX_IND,Economic structure: industry and construction share,%,2020,24.5,,,,,,False,,,,no_target,estimate,none,none,False,,%,share
GTSX_AGRI,"Economic structure: agriculture, forestry and fishery share",%,2020,37.1,,,,,,False,,,,no_target,estimate,none,none,False,,%,share
GTSX_SERV,Economic structure: trade and services share,%,2020,38.4,,,,,,False,,,,no_target,estimate,none,none,False,,%,share
KTXH_TARGETS_MET,Socio-economic targets met or exceeded,targets,2019,17,,,,,,False,,,,no_target,official,none,none,False,,targets,count
TOURISTS,Tourist arrivals,visitors,2020,300000,khoang,,2015-2020,DA,60000,True,at_least,500,500,vuot,estimate,implied,printed,False,,visitors,level
TOURISM_REV,Tourism services revenue,billion VND,2020,114.4,,,2015-2020,DA,45,True,at_least,254,254,vuot,estimate,implied,printed,False,,billion VND,level
LODGING_ROOMS,Guest rooms meeting tourist standards,rooms,2020,381,,,,,,False,,,,no_target,estimate,none,none,False,,rooms,count
LODGINGS,Accommodation establishments,establishments,2020,50,,,,,,False,,,,no_target,estimate,none,none,False,,establishments,count
TOURISM_TRAINEES,Tourism trainees,trainees,2020,300,,,,,,False,,,,no_target,estimate,none,none,False,,trainees,term_total
HOTELS,Hotels,hotels,2020,3,,,,,,False,,,,no_target,estimate,none,none,False,,hotels,count
FESTIVALS,"Traditional festivals, cultural and tourism events preserved or revived",festivals and events,2020,29,,,,,,False,,,,no_target,estimate,none,none,False,,festivals and events,term_total
TOURISM_TRAINING_CLASSES,Tourism training courses held,courses,2020,8,,,,,,False,,,,no_target,estimate,none,none,False,,courses,term_total
GREEN_VILLAGES_NEW,"New green, clean and beautiful village models",village models,2020,57,,,,,,False,,,,no_target,estimate,none,none,False,,village models,term_total
TOURISM_SITES_NEW,Tourist sites and scenic heritage sites newly recognised by the province,sites,2020,8,,,,,,False,,,,no_target,estimate,none,none,False,,sites,term_total
TOURISM_SITES,"Tourist sites, historic and scenic heritage sites",sites,2020,12,,,,,,False,,,,no_target,estimate,none,none,False,,sites,count
"""

# The 2025 goals with hand-built later figures (never shipped) so that every status shows.
LATER = [
    ("INCOME_PC", 2023, 38.0),
    ("TOURISTS", 2023, 380000.0),
    ("TOURISM_REV", 2023, 110.0),
    ("POV_RATE", 2023, 14.0),
    ("TRAINED_LABOUR", 2024, 53.0),
]
# progress.compute, every column but the quote (names are words: the text layer adds them). No goal is final: no figure of 2025 is in.
PROGRESS = """
code,unit,area,comparator,method,base_year,base_value,goal_year,goal_value,stated_value,target_qualifier,goal_derived,yearly,goal_unit,change_unit,base_kind,latest_year,latest_value,latest_kind,required_growth_pct,observed_growth_pct,required_change_per_year,observed_change_per_year,ratio,status,reason,final,final_pct,final_kind
INCOME_PC,triệu đồng/người/năm,106,at_least,cagr,2020,30,2025,45,45,tren,False,False,triệu đồng/người/năm,unit_per_year,estimate,2023,38,official,8.44717712,8.198385552,3,2.666666667,0.9705473718,on_track,,False,,
NTM_DISTRICT,đạt/chưa đạt,106,yes,yes_no,2020,,2025,1,1,,False,False,đạt/chưa đạt,unit_per_year,,,,,,,,,,no_data,no_later_data,False,,
BUDGET_REV,tỷ đồng,106,at_least,cagr,2020,,2025,55,55,,False,False,tỷ đồng,unit_per_year,,,,,,,,,,no_data,no_baseline,False,,
TOURISTS,lượt khách,106,at_least,cagr,2020,300000,2025,600000,600000,tren,False,False,lượt khách,unit_per_year,estimate,2023,380000,official,14.8698355,8.198385552,60000,26666.66667,0.5513433926,limited,,False,,
TOURISM_REV,tỷ đồng,106,at_least,cagr,2020,114.4,2025,230,230,,False,False,tỷ đồng,unit_per_year,estimate,2023,110,official,14.99007634,-1.298848313,23.12,-1.466666667,-0.08664721131,moving_away,,False,,
BIRTH_RATE,‰,106,reduce_by,linear,2020,,2025,,0.5,,True,True,‰,pm_points_per_year,,,,,,,,,,no_data,no_baseline,False,,
NATURAL_GROWTH,‰,106,at_most,cagr,2020,,2025,13.3,13.3,,False,False,‰,pm_points_per_year,,,,,,,,,,no_data,no_baseline,False,,
STUNTING,%,106,at_most,cagr,2020,,2025,27.6,27.6,duoi,False,False,%,pp_per_year,,,,,,,,,,no_data,no_baseline,False,,
POV_RATE,%,106,reduce_by,linear,2020,18.22,2025,8.22,2,,True,False,%,pp_per_year,estimate,2023,14,official,,,-2,-1.406666667,0.7033333333,moderate,,False,,
JOBS,lao động,106,at_least,cagr,2020,,2025,5000,5000,tren,False,False,lao động,unit_per_year,estimate,,,,,,,,,no_data,term_total,False,,
VOC_TRAINING,lao động,106,at_least,cagr,2020,,2025,2500,2500,,False,False,lao động,unit_per_year,estimate,,,,,,,,,no_data,term_total,False,,
TRAINED_LABOUR,%,106,at_least,cagr,2020,50,2025,52.75,52.75,,False,False,%,pp_per_year,estimate,2024,53,official,1.076569085,1.467384617,0.55,0.75,1.363019464,achieved,,False,,
TRAINED_LABOUR_VOC,%,106,at_least,cagr,2020,,2025,43,43,,False,False,%,pp_per_year,,,,,,,,,,no_data,no_baseline,False,,
PROPAGANDA_PLAN,% kế hoạch,106,at_least,yearly,2020,,2025,100,100,,False,True,% kế hoạch,unit_per_year,,,,,,,,,,no_data,no_later_data,False,,
PARTY_ORGS_GOOD,%,106,at_least,yearly,2020,,2025,90,90,tren,False,True,%,pp_per_year,,,,,,,,,,no_data,no_later_data,False,,
PARTY_ORGS_EXCELLENT,%,106,at_least,yearly,2020,,2025,20,20,,False,True,%,pp_per_year,,,,,,,,,,no_data,no_later_data,False,,
LOCAL_GOV_GOOD,%,106,at_least,yearly,2020,,2025,70,70,,False,True,%,pp_per_year,,,,,,,,,,no_data,no_later_data,False,,
LOCAL_GOV_FAIR,%,106,remainder,yearly,2020,,2025,30,30,,False,True,%,pp_per_year,,,,,,,,,,not_judged,,False,,
"""
TEXT = {
    "qualifier",
    "target_qualifier",
    "period",
    "target_kind",
    "comparator",
    "reason",
    "actual_kind",
    "base_kind",
    "latest_kind",
    "final_kind",
    "area",
}


def _expected(csv: str) -> pd.DataFrame:
    # Text columns read as text: an all-empty one would otherwise be float, which "" cannot fill.
    frame = pd.read_csv(io.StringIO(csv.strip()), dtype={"year": str, **dict.fromkeys(TEXT, str)})
    return frame.fillna({c: "" for c in TEXT if c in frame})


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as text and nullable integers as floats, so the CSV's types compare."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            out[column] = values.astype(str)
        elif pd.api.types.is_extension_array_dtype(values) and pd.api.types.is_integer_dtype(values):
            out[column] = values.to_numpy(dtype="float64", na_value=np.nan)
    return out.reset_index(drop=True)


def test_results_of_economy_and_tourism(data: Dataset, term: pd.DataFrame) -> None:
    codes = selection.codes_in(data, ("economy", "tourism"))
    found = tables.results(data, term, codes, "en", "106", "2015-2020")
    pd.testing.assert_frame_equal(_plain(found), _expected(RESULTS), check_dtype=False, rtol=1e-9)


def test_progress_toward_the_2025_goals(data: Dataset) -> None:
    later = pd.DataFrame(
        [{"code": c, "area": "106", "year": y, "kind": "actual", "value": v} for c, y, v in LATER]
    )
    observations = coerce(OBSERVATIONS, pd.concat([data.observations, later], ignore_index=True))
    # The shipped tourism figures have no year in the source and give no pace (test_report_yearless.py);
    # here their 2020 is taken as confirmed, so that every status shows.
    observations = observations.assign(period_unstated=False)
    found = progress.compute(replace(data, observations=observations)).drop(columns="target_quote")
    pd.testing.assert_frame_equal(_plain(found), _expected(PROGRESS), check_dtype=False, rtol=1e-9)
