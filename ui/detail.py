"""The Timeline's detail panel: one event, every report of it grouped by side,
and the user's corrections (merge it with another event, split reports off it).

The panel is a dialog: it opens over the chart, centred in the window whatever
the page's scroll, so it is never drawn off screen, and its Close button sits at
its top. Every character of article text is escaped (`core.present.highlight`).
"""
from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from core.present.highlight import Layer, Span, article_facts, markdown_escape, render_article
from ui.figures.points import date_anchor, resolution_text
from ui.selection import EventDetail, dating_report, event_detail, merge_candidates

ARTICLES_PAGE = "pages/4_Articles.py"
DETAIL_KEY = "timeline_detail_event"        # the event whose panel is open, kept across reruns
LAST_CORRECTION_KEY = "timeline_last_correction"   # what the last correction did, for its note and undo
TRIGGER_LAYER = Layer("trigger", "Event trigger", "#ffe08a")
_SENTENCE_PREVIEW = 90


def close_detail() -> None:
    st.session_state[DETAIL_KEY] = None


def _text(value: Any) -> str:
    return "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else str(value)


def _day(value: Any) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def event_dates(event: dict[str, Any], *, anchor_published: Any = None) -> str:
    """ "2021-12-07 (explicit date in the text)", a span, or "undated: …"; a date
    resolved against a publication date names it (`anchor_published`: the publication
    date of the report it came from); its precision; and the date as written."""
    text = resolution_text(event.get("date_start"), event.get("date_end"), event.get("date_source"))
    anchor = date_anchor(event.get("date_start"), event.get("date_source"))
    if anchor == "relative" and _day(anchor_published):
        text = text[:-1] + f" of {_day(anchor_published)})"
    precision = _text(event.get("precision"))
    if precision and anchor != "undated":
        text += f", precise to the {precision}"
    written = " ".join(_text(event.get("date_text")).split())
    return f"{text}; written “{written}”" if written else text


def event_summary(event: dict[str, Any], *, anchor_published: Any = None) -> str:
    """One line: type, modality, event time (resolved date, its anchor, as written),
    report time and lag."""
    reported = _day(event.get("first_reported"))
    lag = event.get("lag_days")
    lag_text = f", {int(lag)} day(s) after it starts" if lag is not None and not pd.isna(lag) else ""
    parts = [f"**Type:** {markdown_escape(_text(event.get('event_type')) or 'other')}",
             f"**Modality:** {markdown_escape(_text(event.get('modality')) or 'asserted')}",
             f"**Event time:** {markdown_escape(event_dates(event, anchor_published=anchor_published))}",
             f"**First reported:** {reported or 'unknown'}{markdown_escape(lag_text)}"]
    return " · ".join(parts)


def sentence_parts(view) -> tuple[str, list[Span]]:
    """The text and spans `render_article` shows a mention's sentence from, its trigger
    marked (on the trigger layer)."""
    mention = view.mention
    spans = [Span(*view.trigger, "trigger", _text(mention.get("lemma")))] if view.trigger else []
    return _text(mention.get("sentence")), spans



def mention_label(mention: dict[str, Any]) -> str:
    """How a mention is named in the split picker: side · source · date · sentence start."""
    sentence = " ".join(_text(mention.get("sentence")).split())
    if len(sentence) > _SENTENCE_PREVIEW:
        sentence = sentence[:_SENTENCE_PREVIEW - 1] + "…"
    return (f"{_text(mention.get('side')) or 'side unknown'} · {_text(mention.get('source')) or 'source unknown'} · "
            f"{_day(mention.get('published')) or 'undated'} · «{_text(mention.get('trigger'))}» {sentence}")


def event_label(event: dict[str, Any]) -> str:
    """How an event is named in the merge picker: date · label · type · documents."""
    documents = event.get("n_articles")
    count = int(documents) if documents is not None and not pd.isna(documents) else 1
    return (f"{_day(event.get('date_start')) or 'undated'} · {_text(event.get('label')) or 'event'} · "
            f"{_text(event.get('event_type'))} · {count} document{'s' if count != 1 else ''}")


def show_event(view, event_id: str, *, events: pd.DataFrame) -> None:
    """Open the panel of `event_id` as a dialog; `events` are the events the
    Timeline shows (where a merge partner is picked from)."""
    _event_dialog(view, event_id, events)


@st.dialog("Event", width="large", on_dismiss=close_detail)
def _event_dialog(view, event_id: str, events: pd.DataFrame) -> None:
    panel(view, event_id, events=events)


def panel(view, event_id: str, *, events: pd.DataFrame) -> None:
    """The panel's content (in the dialog)."""
    detail = event_detail(view.event_frames(event_id), event_id)
    with st.container(key="timeline_detail"):
        heading, close = st.columns([6, 1], vertical_alignment="center")
        if st.session_state.get(LAST_CORRECTION_KEY):
            correction_note(view, key="timeline_detail_undo")
        if close.button("Close", key="timeline_detail_close"):
            close_detail()
            st.rerun()
        if detail is None:
            heading.markdown("#### Event not found")
            st.info("The event you clicked is no longer in the corpus (its articles were removed or re-read, "
                    "or a correction merged or split it). Click another point.")
            return
        event = detail.event
        heading.markdown(f"#### {markdown_escape(_text(event.get('label')) or 'Event')}")
        dated_by = dating_report(detail)
        st.markdown(event_summary(event, anchor_published=dated_by.mention.get("published") if dated_by else None))
        mentions = sum(len(views) for views in detail.by_side.values())
        st.caption(f"{mentions} report(s) in {int(event.get('n_articles') or 0)} document(s) from "
                   f"{len(detail.by_side)} side(s): {markdown_escape(', '.join(detail.by_side))}")
        reasons = [r for r in event.get("merge_reasons") or [] if isinstance(r, str) and r]
        if reasons:
            with st.expander(f"Why these reports are one event ({len(reasons)} reason(s))"):
                st.markdown("\n".join(f"- {markdown_escape(r)}" for r in reasons))
        _reports(detail)
        _corrections(view, detail, events)


def _reports(detail: EventDetail) -> None:
    """Every mention, grouped by side, then by document (its title, source, date,
    credit and link once, then each sentence with the trigger marked)."""
    for number, (side, views) in enumerate(detail.by_side.items()):
        with st.container(border=True, key=f"timeline_detail_side_{number}"):
            st.markdown(f"**{markdown_escape(side)}** · {len(views)} report(s)")
            documents: dict[str, list] = {}
            for mention in views:
                documents.setdefault(str(mention.mention["article_id"]), []).append(mention)
            for article_id, reports in documents.items():
                facts = article_facts(reports[0].article)
                published = facts.published or _day(reports[0].mention.get("published")) or "undated"
                st.markdown(f"*{markdown_escape(facts.title)}*  \n"
                            f"{markdown_escape(facts.source or 'source unknown')} · published {published} · "
                            f"{markdown_escape(facts.credit)}")   # the text's credit, shown with it
                # render_article escapes every character of each sentence and tooltip: the only
                # markup is its own <mark> and <div> tags, so this HTML is safe to show.
                for report in reports:
                    st.html(render_article(*sentence_parts(report), layers=(TRIGGER_LAYER,)))
                links = st.columns([1, 1, 3])
                if facts.url:                                  # only http(s): never a javascript: link
                    links[0].link_button("Open the original", facts.url)
                links[1].page_link(ARTICLES_PAGE, label="Read the whole article",
                                   query_params={"article": article_id})


def _corrections(view, detail: EventDetail, events: pd.DataFrame) -> None:
    st.markdown("**Correct the merging**")
    if not view.can_correct:
        st.caption("Corrections are stored in the dashboard's store (`make run`); this corpus is held in "
                   "memory, so it offers none.")
        return
    event = detail.event
    merge, split = st.columns(2)
    candidates = merge_candidates(events, event)
    with merge:
        labels = {str(row["event_id"]): event_label(row) for row in candidates.to_dict("records")}
        other = st.selectbox("Merge with another event (within a week)", list(labels), key="timeline_merge_with",
                             format_func=labels.get, index=None, placeholder="Pick an event",
                             help="The two become one event; stored, it survives re-extraction.")
        if st.button("Merge", key="timeline_merge", disabled=other is None):
            partner = view.event_frames(other).mentions["mention_id"].tolist()
            _apply(view, "merge", detail.mention_ids + partner, keep=detail,
                   message=f"Merged “{_text(event.get('label'))}” with “{labels[other]}”.")
    with split:
        mentions = {m.mention["mention_id"]: m.mention for views in detail.by_side.values() for m in views}
        chosen = st.multiselect("Split reports off into a new event", list(mentions), key="timeline_split",
                                format_func=lambda m: mention_label(mentions[m]), placeholder="Pick reports",
                                help="The chosen reports become an event of their own.")
        whole = len(chosen) == len(mentions)
        if whole and chosen:
            st.caption("Leave at least one report in the event.")
        if st.button("Split off", key="timeline_split_off", disabled=not chosen or whole):
            _apply(view, "split", chosen, keep=detail,
                   message=f"Split {len(chosen)} report(s) off “{_text(event.get('label'))}” into a new event.")


def _apply(view, action: str, mention_ids: list[str], *, keep: EventDetail, message: str) -> None:
    """Store the correction, keep the panel on the event the clicked one became, say what was done."""
    anchor = next(m.mention for views in keep.by_side.values() for m in views
                  if action != "split" or m.mention["mention_id"] not in mention_ids)
    view.correct(action, mention_ids, note=message)
    st.session_state[LAST_CORRECTION_KEY] = {"message": message, "article_id": str(anchor["article_id"]),
                                             "mention_id": str(anchor["mention_id"])}
    st.session_state[DETAIL_KEY] = view.event_of_mention(str(anchor["article_id"]), str(anchor["mention_id"]))
    for key in ("timeline_merge_with", "timeline_split"):
        st.session_state.pop(key, None)
    st.rerun()


def correction_note(view, *, key: str) -> None:
    """What the last correction did, with a button to undo it."""
    last = st.session_state.get(LAST_CORRECTION_KEY)
    if not last:
        return
    note, undo = st.columns([5, 1], vertical_alignment="center")
    note.success(markdown_escape(last["message"]) + " Stored: it survives re-extraction.")
    if undo.button("Undo", key=key):
        view.undo_correction()
        st.session_state[LAST_CORRECTION_KEY] = None
        if st.session_state.get(DETAIL_KEY):
            st.session_state[DETAIL_KEY] = view.event_of_mention(last["article_id"], last["mention_id"])
        st.rerun()
