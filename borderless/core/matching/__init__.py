"""Cross-border partner matching, pure core: profiles in, ranked and explained partners out.

Modules:
- `model` the records: `Profile`, `Weights`, `Proximity`, `Recommendation` (with `Component`s and
  `Evidence`);
- `maturity` maturity classes and the table of who gains from whom (`DEFAULT_MATURITY`);
- `index` `MatchIndex`: built once from all profiles, refreshed by `add`/`update`/`remove`,
  answering `recommend`; `store` holds its arrays;
- `explain` the reasons of a recommendation as messages to translate (`texts`);
- `synthetic` a deterministic synthetic population of the region, and its CSV file.

Imports nothing but the standard library, numpy and `borderless.core`; takes and returns plain values.
"""

from borderless.core.matching.explain import Explanation, ExplanationLine, explain
from borderless.core.matching.index import MatchIndex
from borderless.core.matching.maturity import (
    DEFAULT_MATURITY,
    MaturityClass,
    MaturityRule,
    MaturityTable,
    maturity_class,
)
from borderless.core.matching.model import (
    CLOSURE_HALF,
    COMPONENTS,
    DEFAULT_PROXIMITY,
    DEFAULT_WEIGHTS,
    Component,
    Evidence,
    Profile,
    Proximity,
    Recommendation,
    Visibility,
    Weights,
    closure_score,
    is_technology_code,
)

__all__ = [
    "CLOSURE_HALF",
    "COMPONENTS",
    "DEFAULT_MATURITY",
    "DEFAULT_PROXIMITY",
    "DEFAULT_WEIGHTS",
    "Component",
    "Evidence",
    "Explanation",
    "ExplanationLine",
    "MatchIndex",
    "MaturityClass",
    "MaturityRule",
    "MaturityTable",
    "Profile",
    "Proximity",
    "Recommendation",
    "Visibility",
    "Weights",
    "closure_score",
    "explain",
    "is_technology_code",
    "maturity_class",
]
