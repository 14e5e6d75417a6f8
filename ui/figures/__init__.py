"""Plotly figures for the dashboard, built from the contract frames: presentation,
which the command line never imports.

Pure functions: a frame in, a `go.Figure` out, no Streamlit. Traces are SVG
(`go.Scatter`, `go.Bar`, `go.Scattergeo`), so a browser test can count the
drawn points, until a timeline holds more than `common.WEBGL_ABOVE` points, when
its markers switch to WebGL (`go.Scattergl`). Hover text says where each point
came from: the event's label, its date and how it was resolved, its sources.

One module per figure, each importing only `common` and the modules above it:
- `common`: what the figures share: hover text, each event type's fixed colour,
  the date axis, marker sizes, the blank figure;
- `points`: the timeline's events as points, before anything is drawn: the two
  clocks, the default window, the lanes, the points and counts per day or week;
- `timeline`: the events timeline, one marker (or bar) per event and lane;
- `counts`: the timeline of counts per day or week, past `points.POINTS_MAX` points;
- `maps`: the places map;
- `network`: the actor network;
- `claims`: the claims charts (one series per claimant, and the ledger's panels).
"""
