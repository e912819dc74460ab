"""Claims: the statements that ``same_claim`` relations join make one claim, followed across
speakers and sources (``keys``: the materialised key of each statement's claim;
``selectors``: a claim's statements and responses, the list of claims; ``similarity``: the
statements a new one may repeat)."""
