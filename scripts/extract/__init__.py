"""Extract stage: propose candidate facts (numbers with their metric, hedge, date and sentence)
from an article's text, for an editor to review and accept."""
