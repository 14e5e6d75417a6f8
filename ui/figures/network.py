"""The actor network: actors named in the same sentence, linked; a seeded
spring layout, so the same corpus always gives the same picture."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Collection, Iterable

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from ui.figures.common import as_list, empty_figure, marker_sizes

NETWORK_TOP = 30          # the actor network shows at most this many actors
NETWORK_SEED = 7          # spring layout seed: the same corpus always gives the same picture
NETWORK_HEIGHT = 600
_GRAVITY = 0.3            # pull of the layout's hidden hub: keeps loose actors near the rest
KIND_COLORS = {"country": "#c0392b", "person": "#1f77b4", "organisation": "#2e8b57", "group": "#8e44ad"}
OTHER_KIND_COLOR = "#7f8c8d"
EDGE_COLOR, EDGE_HIGHLIGHT = "#c3cbd3", "#4a5866"


@dataclass(frozen=True)
class ActorGraph:
    """What the actor network draws: `nodes` (one row per actor, with x, y and
    `selected`), `edges` (source, target, weight) and how many actors there
    were to choose from (`total`), so a caller can say when some were left out."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    total: int

    @property
    def truncated(self) -> bool:
        return len(self.nodes) < self.total


NODE_COLUMNS = ["actor", "kind", "country", "role", "mentions", "x", "y", "selected", "degree"]
EDGE_COLUMNS = ["source", "target", "weight"]


def co_mentions(events: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence (event): `source` < `target`,
    `weight` = the number of sentences naming both. Sorted by weight, then names."""
    counts: dict[tuple[str, str], int] = {}
    for cell in events["actors"] if len(events) else []:
        names = sorted(set(as_list(cell)))
        for i, source in enumerate(names):
            for target in names[i + 1:]:
                counts[(source, target)] = counts.get((source, target), 0) + 1
    edges = pd.DataFrame([(s, t, w) for (s, t), w in counts.items()], columns=EDGE_COLUMNS)
    return edges.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)


def network_layout(nodes: Iterable[str], edges: pd.DataFrame, *, seed: int = NETWORK_SEED) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed; heavier co-mention pulls closer (on a log scale).

    A hidden hub tied weakly to every node acts as gravity, so actors named
    with nobody else stay near the rest instead of being flung to the corners.
    """
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    names = list(graph.nodes)
    if len(names) <= 1:
        return {name: (0.0, 0.0) for name in names}
    for edge in edges.itertuples(index=False):
        graph.add_edge(edge.source, edge.target, pull=1.0 + 0.5 * math.log(edge.weight))
    hub = object()
    graph.add_edges_from(((hub, name) for name in names), pull=_GRAVITY)
    k = 2.8 / math.sqrt(len(names))
    positions = nx.spring_layout(graph, seed=seed, weight="pull", k=k, iterations=300)
    return {name: (round(float(positions[name][0]), 6), round(float(positions[name][1]), 6)) for name in names}


def actor_graph(actors: pd.DataFrame, events: pd.DataFrame, *, selected: Collection[str] = (),
                top: int = NETWORK_TOP, seed: int = NETWORK_SEED) -> ActorGraph:
    """The co-mention network of the actors table.

    With a selection, only the selected actors and their neighbours are kept.
    Then the `top` most mentioned actors are kept (selected ones always).
    """
    edges = co_mentions(events)
    known = actors.assign(mentions=pd.to_numeric(actors["mentions"], errors="coerce").fillna(0).astype(int))
    known = known.drop_duplicates("actor").sort_values(["mentions", "actor"], ascending=[False, True])
    wanted = set(selected) & set(known["actor"])
    if wanted:
        touching = edges[edges["source"].isin(wanted) | edges["target"].isin(wanted)]
        keep = wanted | set(touching["source"]) | set(touching["target"])
        known = known[known["actor"].isin(keep)]
    total = len(known)
    ranked = known.assign(_pinned=~known["actor"].isin(wanted)).sort_values(
        ["_pinned", "mentions", "actor"], ascending=[True, False, True], kind="stable")
    shown = known[known["actor"].isin(set(ranked["actor"].head(top)))]
    names = shown["actor"].astype(str).tolist()
    edges = edges[edges["source"].isin(names) & edges["target"].isin(names)].reset_index(drop=True)
    positions = network_layout(names, edges, seed=seed)
    degree = pd.concat([edges["source"], edges["target"]]).value_counts()
    nodes = pd.DataFrame({
        "actor": names,
        "kind": shown["kind"].fillna("").astype(str).tolist(),
        "country": shown["country"].fillna("").astype(str).tolist(),
        "role": shown["role"].fillna("").astype(str).tolist(),
        "mentions": shown["mentions"].tolist(),
        "x": [positions[n][0] for n in names],
        "y": [positions[n][1] for n in names],
        "selected": [n in wanted for n in names],
        "degree": [int(degree.get(n, 0)) for n in names],
    }, columns=NODE_COLUMNS)
    return ActorGraph(nodes=nodes, edges=edges, total=total)


def _edge_width(weight: int, top: int) -> float:
    return round(1.0 + 7.0 * math.sqrt(weight / max(top, 1)), 2)


def network_figure(graph: ActorGraph, *, title: str | None = None) -> go.Figure:
    """The actor network: edge width by co-mentions, marker area by mentions,
    colour by kind; selected actors ringed in black. Node traces come after the
    edge traces, one per kind, each point's `customdata[0]` being the actor."""
    nodes, edges = graph.nodes, graph.edges
    if nodes.empty:
        return empty_figure("No actors to show.")
    fig = go.Figure()
    where = dict(zip(nodes["actor"], zip(nodes["x"], nodes["y"])))
    picked = set(nodes.loc[nodes["selected"], "actor"])
    top = int(edges["weight"].max()) if not edges.empty else 1
    groups: dict[tuple[int, bool], list[tuple[str, str]]] = {}
    for edge in edges.itertuples(index=False):
        lit = bool(picked) and (edge.source in picked or edge.target in picked)
        groups.setdefault((int(edge.weight), lit), []).append((edge.source, edge.target))
    for (weight, lit), pairs in sorted(groups.items()):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for source, target in pairs:
            xs += [where[source][0], where[target][0], None]
            ys += [where[source][1], where[target][1], None]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False, name=f"{weight} sentence(s)",
            line=dict(width=_edge_width(weight, top), color=EDGE_HIGHLIGHT if lit else EDGE_COLOR),
            opacity=0.9 if lit or not picked else 0.6,
        ))
    sizes = dict(zip(nodes["actor"], marker_sizes(nodes["mentions"], smallest=10, largest=46)))
    kinds = nodes["kind"].where(nodes["kind"] != "", "other")
    for kind in sorted(set(kinds), key=lambda k: (k not in KIND_COLORS, list(KIND_COLORS).index(k)
                                                  if k in KIND_COLORS else 0, k)):
        group = nodes[kinds == kind]
        fig.add_trace(go.Scatter(
            x=group["x"], y=group["y"], mode="markers+text", name=kind,
            text=group["actor"], textposition="top center",
            textfont=dict(size=11, color="#1c2833"),
            marker=dict(size=[sizes[a] for a in group["actor"]], color=KIND_COLORS.get(kind, OTHER_KIND_COLOR),
                        opacity=0.88,
                        line=dict(width=[3 if s else 1 for s in group["selected"]],
                                  color=["#000000" if s else "#ffffff" for s in group["selected"]])),
            customdata=list(zip(group["actor"], group["kind"].replace("", "—"), group["country"].replace("", "—"),
                                group["role"].replace("", "—"), group["mentions"], group["degree"])),
            hovertemplate="<b>%{customdata[0]}</b><br>kind: %{customdata[1]}<br>country: %{customdata[2]}"
                          "<br>role: %{customdata[3]}<br>mentions: %{customdata[4]}"
                          "<br>named in a sentence with %{customdata[5]} other actor(s)"
                          "<br><i>click to filter every page to this actor</i><extra></extra>",
        ))
    fig.update_xaxes(visible=False, range=_padded(nodes["x"]))
    fig.update_yaxes(visible=False, range=_padded(nodes["y"], top=0.12))
    fig.update_layout(
        title=title, height=NETWORK_HEIGHT, hovermode="closest", plot_bgcolor="#ffffff", dragmode="pan",
        legend=dict(title="kind", orientation="h", y=1.0, yanchor="bottom", x=0, itemsizing="constant"),
        margin=dict(l=10, r=10, t=40 if title else 30, b=10), hoverlabel=dict(align="left"),
    )
    return fig


def _padded(values: pd.Series, *, top: float = 0.08) -> list[float]:
    """Axis range around the nodes, with room for markers and, above, their labels."""
    low, high = float(values.min()), float(values.max())
    span = max(high - low, 0.5)
    return [low - 0.08 * span, high + top * span]
