"""Combining: every article's records to the corpus's frames. One name per actor,
places geocoded, mentions of one occurrence merged into one event across
articles and sides (`assemble`, `events`, `event_merge`), the claims' ledger
(`ledger`), and the whole corpus built in memory (`build`)."""
