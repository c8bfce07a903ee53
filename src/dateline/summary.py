"""`dateline read --format text`: a reading as lines a person reads in a terminal."""

from __future__ import annotations

from dateline.reading import Event, Interval, Reading


def format_text(reading: Reading) -> str:
    """Return a short, readable summary of the reading."""
    article = reading.require_article()
    lines = [f"# {article.headline or '(no headline)'}"]
    if article.standfirst:
        lines.append(f"  {article.standfirst}")
    lines.append(_describe_article(reading))
    lines += [f"  note: {note}" for note in reading.notes]
    if reading.actors:
        lines.append("\nActors")
        lines += [
            f"  {a.name} ({a.type}, {a.country or '-'}) x{len(a.mentions)}" for a in reading.actors
        ]
    if reading.quotes:
        lines.append("\nQuotes")
        for q in reading.quotes:
            who = q.speaker.text if q.speaker else "?"
            mark = '"' if q.direct else ""
            lines.append(f"  {who}: {mark}{q.text}{mark}")
    if reading.events:
        actor_names = {a.id: a.name for a in reading.actors}
        place_names = {p.id: p.name for p in reading.places}
        lines.append("\nEvents")
        lines += [_event_line(e, actor_names, place_names) for e in reading.events]
    if reading.times:
        lines.append("\nTimes")
        lines += [f"  {t.text!r} -> {_interval(t)}" for t in reading.times]
    if reading.places:
        lines.append("\nPlaces")
        lines += [f"  {p.name} ({p.country or '-'}) {p.lat}, {p.lon}" for p in reading.places]
    return "\n".join(lines)


def _describe_article(reading: Reading) -> str:
    article = reading.require_article()
    parts = [f"  source: {article.source}"]
    if article.publisher:
        parts.append(f"  publisher: {article.publisher}")
    if article.byline:
        parts.append(f"  by: {', '.join(article.byline)}")
    if article.dateline:
        parts.append(
            f"  dateline: {article.dateline.place or '-'} ({article.dateline.wire or '-'})"
        )
    published = article.published
    parts.append(f"  published: {_interval(published)} [{published.basis}]")
    parts.append(f"  language: {article.language or '?'}; {len(article.body.split())} words")
    return "\n".join(parts)


def _interval(value: Interval | object) -> str:
    earliest = getattr(value, "earliest", None)
    latest = getattr(value, "latest", None)
    if earliest is None and latest is None:
        return "unknown"
    if earliest == latest:
        return str(earliest)
    return f"{earliest or '…'}..{latest or '…'}"


def _event_line(event: Event, actors: dict[str, str], places: dict[str, str]) -> str:
    """One event as `2024-01-02  Israel -> Saleh al-Arouri  ASSAULT (186 ..., -9.0) in Beirut`."""
    when = _interval(event.date) if event.date else "undated"
    source = actors.get(event.source or "", "?")
    target = actors.get(event.target or "", "?")
    label = f"{event.cameo} {event.cameo_label}" if event.cameo_label else event.cameo
    where = f" in {places[event.place]}" if event.place in places else ""
    return (
        f"  {when:<10}  {source} -> {target}  {event.type} ({label}, {event.goldstein:+.1f})"
        f"{where}  [{event.modality}]"
    )
