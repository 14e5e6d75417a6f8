"""The places map: geocoded places as markers, sized by mentions, over the
countries involved shaded by mentions, in a Mercator window fitted to the points."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from core.extract.countries import countries, country_for
from ui.figures.common import marker_sizes

MAP_HEIGHT = 520
MAP_ASPECT = 1.8          # width / height of the map as the Actors page shows it
MAP_COLORSCALE = "OrRd"   # country shading; the place markers are blue on top of it
PLACE_COLOR = "#1f5f99"


def geo_window(lat: pd.Series, lon: pd.Series, *, aspect: float = MAP_ASPECT, min_span: float = 14.0) -> dict:
    """Mercator ranges around the points: padded so neighbouring countries give
    context, and widened to the chart's aspect ratio so the map fills it."""
    lat_low, lat_high = float(lat.min()), float(lat.max())
    lon_low, lon_high = float(lon.min()), float(lon.max())
    lat_span = max(min_span, (lat_high - lat_low) * 1.4)
    mid_lat = (lat_low + lat_high) / 2
    # On a Mercator map a degree of latitude is 1/cos(latitude) as tall as a degree of longitude is wide.
    stretch = max(math.cos(math.radians(mid_lat)), 0.2)
    lon_span = min(360.0, max((lon_high - lon_low) * 1.4, lat_span * aspect / stretch))
    mid_lon = (lon_low + lon_high) / 2
    lat_range = [max(-85.0, mid_lat - lat_span / 2), min(85.0, mid_lat + lat_span / 2)]
    # Points far apart east-west: make the window as tall as the aspect asks
    # (measured in Mercator y), or the map is a thin strip in a tall chart.
    y_low, y_high = _mercator_y(lat_range[0]), _mercator_y(lat_range[1])
    y_span = math.radians(lon_span) / aspect
    if y_high - y_low < y_span:
        y_low = (y_low + y_high) / 2 - y_span / 2
        y_low = min(max(y_low, _mercator_y(-80.0)), _mercator_y(80.0) - y_span)
        lat_range = [max(-85.0, _mercator_lat(y_low)), min(85.0, _mercator_lat(y_low + y_span))]
    return {
        "lataxis_range": lat_range,
        "lonaxis_range": [max(-180.0, mid_lon - lon_span / 2), min(180.0, mid_lon + lon_span / 2)],
    }


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _mercator_lat(y: float) -> float:
    return math.degrees(math.atan(math.sinh(y)))


def _iso3(country: object) -> str | None:
    """ISO-3 code of a country given by name or code ("Russia", "RU"), or None."""
    if not isinstance(country, str) or not country.strip():
        return None
    name = country_for(country)
    return countries()[name].iso3 if name in countries() else None


def country_mentions(places: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The countries involved, one row each, with what the map shades them by.

    `place_mentions` sums the mentions of every place in the country (the
    country itself included, when it is named as a place); `actor_mentions`
    sums the mentions of the actors from it; `mentions` is both. Countries
    that cannot be resolved to an ISO-3 code are left out.
    """
    columns = ["iso3", "country", "place_mentions", "actor_mentions", "mentions"]
    rows: dict[str, dict] = {}

    def add(country: object, mentions: object, column: str) -> None:
        iso3 = _iso3(country)
        if iso3 is None:
            return
        row = rows.setdefault(iso3, {"iso3": iso3, "country": country_for(str(country)),
                                     "place_mentions": 0, "actor_mentions": 0})
        row[column] += 0 if mentions is None or pd.isna(mentions) else int(mentions)

    for place in places.itertuples(index=False):
        add(place.place if place.kind == "country" and _iso3(place.place) else place.country,
            place.mentions, "place_mentions")
    if actors is not None:
        for actor in actors.itertuples(index=False):
            add(actor.country, actor.mentions, "actor_mentions")
    table = pd.DataFrame(list(rows.values()), columns=columns[:-1])
    table["mentions"] = table["place_mentions"] + table["actor_mentions"]
    return table.sort_values(["mentions", "country"], ascending=[False, True], ignore_index=True)[columns]


def _empty_map(message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font=dict(size=15), bgcolor="rgba(255,255,255,0.85)")
    return fig


def places_map(places: pd.DataFrame, *, actors: pd.DataFrame | None = None, title: str | None = None) -> go.Figure:
    """Geocoded places on a world map, sized by mentions, over the countries
    involved shaded by mentions (see `country_mentions`); the view fits the points.

    With nothing to draw, a bare world map carrying a message.
    """
    located = places[places["lat"].notna() & places["lon"].notna()] if len(places) else places
    shaded = country_mentions(places, actors)
    if located.empty and shaded.empty:
        fig = _empty_map("No geocoded places to show.")
    else:
        fig = go.Figure()
    if not shaded.empty:
        fig.add_trace(go.Choropleth(
            locations=shaded["iso3"], locationmode="ISO-3", z=shaded["mentions"], zmin=0,
            text=shaded["country"], name="countries", colorscale=MAP_COLORSCALE,
            marker=dict(line=dict(width=0.6, color="#ffffff")),
            colorbar=dict(title=dict(text="mentions", side="top"), thickness=12, len=0.4, x=0.01,
                          xanchor="left", y=0.04, yanchor="bottom", bgcolor="rgba(255,255,255,0.75)"),
            customdata=list(zip(shaded["place_mentions"], shaded["actor_mentions"])),
            hovertemplate="<b>%{text}</b><br>%{z} mentions<br>places there: %{customdata[0]}"
                          " · actors from there: %{customdata[1]}<extra></extra>",
        ))
    if not located.empty:
        located = located.sort_values("mentions", ascending=False, na_position="last")
        customdata = list(zip(
            located["country"].fillna("").astype(str), located["kind"].fillna("").astype(str),
            located["mentions"].fillna(0).astype(int),
        ))
        fig.add_trace(go.Scattergeo(
            lat=located["lat"].astype(float), lon=located["lon"].astype(float), name="places",
            text=located["place"].astype(str), mode="markers",
            marker=dict(size=marker_sizes(located["mentions"]), color=PLACE_COLOR, opacity=0.7,
                        line=dict(width=1, color="white")),
            customdata=customdata,
            hovertemplate="<b>%{text}</b><br>%{customdata[1]} · %{customdata[0]}<br>"
                          "mentions: %{customdata[2]}<extra></extra>",
        ))
        window = geo_window(located["lat"].astype(float), located["lon"].astype(float))
    else:
        window = {"lataxis_range": [-58.0, 84.0], "lonaxis_range": [-180.0, 180.0]}
    fig.update_geos(
        scope="world", resolution=50, projection_type="mercator", **window,
        showcountries=True, countrycolor="#9aa5b1", showland=True, landcolor="#f3f1ea",
        showocean=True, oceancolor="#e8f0f6", showlakes=False, showframe=False,
    )
    fig.update_layout(title=title, height=MAP_HEIGHT, showlegend=False,
                      margin=dict(l=0, r=0, t=30 if title else 0, b=0))
    return fig
