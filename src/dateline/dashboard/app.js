// The dashboard: every number comes from the API (dateline.analytics), none is computed here.
// One set of filters lives in the form and in the page's URL (so a view can be shared); the
// map, timeline, network and event table all redraw from it. Charts are plotly.js, served
// by our server from the installed plotly package; the base map is Natural Earth outlines.
"use strict";

const $ = (id) => document.getElementById(id);
const FILTERS = ["since", "until", "actor", "dyad", "type", "modality", "place", "country", "min_confidence"];
const PAGE = 25;
// One colour per PLOVER type, the report's own (plover_colours.tsv, served by /vocabulary).
let COLOURS = {};
const PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["toImage"] };
const state = { sort: "-date", cursors: [null], next: null };

function filters() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($("scope"))) {
    if (String(value).trim()) params.set(key, String(value).trim());
  }
  return params;
}

function setFilters(params) {
  for (const key of FILTERS) $("scope").elements[key].value = params.get(key) || "";
}

function withFilters(route, extra = {}) {
  const params = filters();
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `${route}?${query}` : route;
}

async function getJSON(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
  return body;
}

function showError(err) {
  $("error").hidden = false;
  $("error").textContent = String(err.message || err);
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function when(row) {
  if (!row.earliest) return "undated";
  if (row.precision === "day") return row.earliest;
  if (row.precision === "month") return row.earliest.slice(0, 7);
  if (row.precision === "year") return row.earliest.slice(0, 4);
  return `${row.earliest} to ${row.latest}`;
}

function who(row) {
  return [row.source_name, row.target_name].filter(Boolean).join(" → ") || "actors unknown";
}

// --- filters kept in the URL ----------------------------------------------------------

function applyFilters() {
  keepInURL();
  state.cursors = [null];
  return loadAll();
}

// The URL holds the filters and how the view is drawn (the table's sort, the timeline's
// step), so a shared link opens the same view.
function keepInURL() {
  const params = filters();
  if (state.sort !== "-date") params.set("sort", state.sort);
  if ($("period").value !== "auto") params.set("period", $("period").value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function restoreFromURL() {
  const params = new URLSearchParams(location.search);
  setFilters(params);
  state.sort = params.get("sort") || "-date";
  if ([...$("period").options].some((o) => o.value === params.get("period"))) $("period").value = params.get("period");
}

function narrow(extra) {
  for (const [key, value] of Object.entries(extra)) $("scope").elements[key].value = value;
  applyFilters().catch(showError);
}

async function loadVocabulary() {
  const vocabulary = await getJSON("vocabulary");
  COLOURS = vocabulary.colours;
  for (const [name, words] of [["type", vocabulary.types], ["modality", vocabulary.modalities]]) {
    const select = $("scope").elements[name];
    for (const word of words) select.append(new Option(word, word));
  }
}

// --- the views ------------------------------------------------------------------------

// body[data-ready] is "yes" once every view has drawn the current filters (tests wait on it).
async function loadAll() {
  document.body.dataset.ready = "";
  $("error").hidden = true;
  const query = filters().toString();
  $("report-html").href = query ? `report.html?${query}` : "report.html";
  $("report-md").href = query ? `report?${query}` : "report";
  $("download-csv").href = withFilters("events", { format: "csv", limit: "10000", sort: state.sort });
  $("download-json").href = withFilters("events", { limit: "10000", sort: state.sort });
  await Promise.all([loadMap(), loadTimeline(), loadNetwork(), loadEvents()]);
  document.body.dataset.ready = "yes";
}

async function loadCounts() {
  const s = await getJSON("summary");
  $("counts").replaceChildren(...["articles", "stories", "events", "incidents", "failures"].map((k) => {
    const span = el("span");
    span.append(el("b", s[k]), ` ${k}`);
    return span;
  }));
}

async function loadMap() {
  const [world, incidents] = await Promise.all([
    worldOutline(), getJSON(withFilters("incidents", { limit: "10000" })),
  ]);
  const placed = incidents.items.filter((i) => i.lat !== null && i.lon !== null);
  const byType = new Map();
  for (const i of placed) byType.set(i.type, [...(byType.get(i.type) || []), i]);
  const traces = [{
    type: "scatter", mode: "lines", x: world.lon, y: world.lat, hoverinfo: "skip",
    line: { color: "#bbb", width: 0.7 }, showlegend: false,
  }];
  for (const [type, items] of byType) {
    traces.push({
      type: "scatter", mode: "markers", name: type,
      x: items.map((i) => i.lon), y: items.map((i) => i.lat),
      customdata: items.map((i) => i.id),
      text: items.map((i) => `${when(i)} ${type}: ${who(i)}${i.place_name ? " in " + i.place_name : ""}<br>${i.reports} reports`),
      hoverinfo: "text",
      marker: { color: COLOURS[type] || "#555", size: items.map((i) => 7 + 5 * Math.sqrt(i.reports)),
                opacity: 0.75, line: { color: "#333", width: 0.5 } },
    });
  }
  const layout = {
    margin: { l: 10, r: 10, t: 10, b: 10 }, showlegend: true,
    legend: { font: { size: 10 }, orientation: "h", y: 0, yanchor: "top" },
    xaxis: { range: [-180, 180], visible: false },
    yaxis: { range: [-60, 85], visible: false, scaleanchor: "x" },
    dragmode: "pan",
  };
  await Plotly.react("map", traces, layout, { ...PLOT_CONFIG, scrollZoom: true });
  $("map").dataset.points = String(placed.length);
  if (!$("map").dataset.bound) {
    $("map").on("plotly_click", (event) => {
      const point = event.points.find((p) => p.customdata);
      if (point) showIncident(point.customdata).catch(showError);
    });
    $("map").dataset.bound = "yes";
  }
}

let worldCache = null;
async function worldOutline() {
  worldCache = worldCache || await getJSON("static/world-110m.json");
  return worldCache;
}

// Bars of days over years are thinner than a pixel: past about three months draw weeks,
// past about two years months (the report's figures use the same steps).
const STEPS = [[92, "day"], [730, "week"], [Infinity, "month"]];

async function loadTimeline() {
  let period = $("period").value;
  let types = await getJSON(withFilters("types", { period: period === "auto" ? "day" : period }));
  if (period === "auto") {
    const span = types.length ? (Date.parse(types[types.length - 1].start) - Date.parse(types[0].start)) / 864e5 : 0;
    period = STEPS.find(([days]) => span <= days)[1];
    if (period !== "day") types = await getJSON(withFilters("types", { period }));
  }
  $("timeline").dataset.period = period;
  const escalation = await getJSON(withFilters("escalation", { period }));
  const byType = new Map();
  for (const t of types) byType.set(t.type, [...(byType.get(t.type) || []), t]);
  const traces = [...byType].map(([type, rows]) => ({
    type: "bar", name: type, x: rows.map((r) => r.start), y: rows.map((r) => r.incidents),
    customdata: rows.map(() => type), marker: { color: COLOURS[type] || "#555" },
    hovertemplate: `%{y} ${type} incidents, %{x}<br>click: list them<extra></extra>`,
  }));
  traces.push({
    type: "scatter", mode: "lines+markers", name: "escalation index", yaxis: "y2",
    x: escalation.map((e) => e.start), y: escalation.map((e) => e.index),
    line: { color: "#222", width: 2 }, marker: { size: 5 },
  });
  const layout = {
    barmode: "stack", margin: { l: 45, r: 45, t: 10, b: 40 }, dragmode: "select",
    selectdirection: "h", legend: { font: { size: 10 }, orientation: "h", y: -0.2 },
    xaxis: { type: "date" },
    yaxis: { title: { text: "incidents" }, rangemode: "tozero" },
    yaxis2: { title: { text: "index (−mean Goldstein)" }, overlaying: "y", side: "right",
              range: [-10.5, 10.5], dtick: 5, zeroline: true },
  };
  await Plotly.react("timeline", traces, layout, PLOT_CONFIG);
  $("timeline").dataset.bars = String(types.length);
  if (!$("timeline").dataset.bound) {
    $("timeline").on("plotly_selected", brushed);
    $("timeline").on("plotly_click", barClicked);
    $("timeline").dataset.bound = "yes";
  }
}

// A bar is a count: clicking it lists the incidents it counts (its type, its day, week or
// month) in every view, one click from the table and two from their articles.
function barClicked(event) {
  const bar = event.points.find((p) => typeof p.customdata === "string");
  if (!bar) return;
  const start = new Date(`${String(bar.x).slice(0, 10)}T00:00:00Z`);
  const end = new Date(start);
  const period = $("timeline").dataset.period;
  if (period === "week") end.setUTCDate(end.getUTCDate() + 6);
  if (period === "month") { end.setUTCMonth(end.getUTCMonth() + 1); end.setUTCDate(0); }
  narrow({ since: start.toISOString().slice(0, 10), until: end.toISOString().slice(0, 10), type: bar.customdata });
}

function brushed(event) {
  const range = event && event.range && event.range.x;
  if (!range) return;
  const [since, until] = range.map((d) => String(d).slice(0, 10)).sort();
  narrow({ since, until });
}

async function loadNetwork() {
  const network = await getJSON(withFilters("network", { limit: "25" }));
  const count = network.nodes.length;
  const where = new Map(network.nodes.map((n, i) => [n.name, [
    Math.cos((2 * Math.PI * i) / Math.max(count, 1)), Math.sin((2 * Math.PI * i) / Math.max(count, 1)),
  ]]));
  const heaviest = Math.max(1, ...network.edges.map((e) => e.incidents));
  // Edges take no hover: their ends sit on the nodes and would catch a click meant for an
  // actor. Each edge's numbers hover on an invisible marker at its middle instead.
  const traces = network.edges.map((e) => ({
    type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
    x: [where.get(e.source)[0], where.get(e.target)[0]], y: [where.get(e.source)[1], where.get(e.target)[1]],
    line: { width: 1 + 6 * (e.incidents / heaviest), color: e.goldstein < 0 ? "#c0392b" : e.goldstein > 0 ? "#2e6da4" : "#888" },
    opacity: 0.6,
  }));
  const middle = (e, axis) => (where.get(e.source)[axis] + where.get(e.target)[axis]) / 2;
  traces.push({
    type: "scatter", mode: "markers", showlegend: false, hoverinfo: "text", marker: { size: 10, opacity: 0 },
    customdata: network.edges.map((e) => ({ dyad: `${e.source},${e.target}` })),
    x: network.edges.map((e) => middle(e, 0)), y: network.edges.map((e) => middle(e, 1)),
    text: network.edges.map((e) => `${e.source} → ${e.target}: ${e.incidents} incidents, Goldstein ${e.goldstein.toFixed(1)} (click to filter)`),
  });
  const biggest = Math.max(1, ...network.nodes.map((n) => n.incidents));
  traces.push({
    type: "scatter", mode: "markers+text", showlegend: false, hoverinfo: "text",
    x: network.nodes.map((n) => where.get(n.name)[0]), y: network.nodes.map((n) => where.get(n.name)[1]),
    text: network.nodes.map((n) => n.name), customdata: network.nodes.map((n) => n.name),
    hovertext: network.nodes.map((n) => `${n.name}: ${n.incidents} incidents (click to filter)`),
    textposition: network.nodes.map((n) => outward(where.get(n.name))), textfont: { size: 10 },
    marker: { size: network.nodes.map((n) => 12 + 26 * Math.sqrt(n.incidents / biggest)),
              color: "#f0c419", line: { color: "#555", width: 1 } },
  });
  const layout = {
    margin: { l: 10, r: 10, t: 10, b: 10 }, dragmode: false,
    xaxis: { visible: false, range: [-2.1, 2.1] }, yaxis: { visible: false, range: [-1.25, 1.25] },
  };
  await Plotly.react("network", traces, layout, PLOT_CONFIG);
  $("network").dataset.nodes = String(count);
  if (!$("network").dataset.bound) {
    $("network").on("plotly_click", (event) => {
      const point = event.points.find((p) => p.customdata);
      if (!point) return;
      if (typeof point.customdata === "string") narrow({ actor: point.customdata });
      else narrow({ dyad: point.customdata.dyad });
    });
    $("network").dataset.bound = "yes";
  }
}

// A label sits outside the circle, on the side its actor is, so neighbours do not overlap.
function outward([x, y]) {
  if (x > 0.3) return "middle right";
  if (x < -0.3) return "middle left";
  return y > 0 ? "top center" : "bottom center";
}

async function loadEvents() {
  const cursor = state.cursors[state.cursors.length - 1];
  const extra = { limit: String(PAGE), sort: state.sort, ...(cursor ? { cursor } : {}) };
  const page = await getJSON(withFilters("events", extra));
  state.next = page.next_cursor;
  $("events-count").textContent = `(${page.total} in all)`;
  const first = (state.cursors.length - 1) * PAGE;
  $("page").textContent = page.total ? `${first + 1}–${first + page.items.length} of ${page.total}` : "none";
  $("newer").disabled = state.cursors.length === 1;
  $("older").disabled = !state.next;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.className = state.sort === key ? "sorted-asc" : state.sort === `-${key}` ? "sorted-desc" : "";
  }
  $("events").querySelector("tbody").replaceChildren(...page.items.map(eventRow));
}

function eventRow(e) {
  const tr = el("tr");
  tr.dataset.id = e.id;
  const date = el("td", when(e));
  if (e.precision !== "day" && e.precision !== "unknown") date.append(" ", el("span", e.precision, "precision"));
  const place = [e.place_name, e.country].filter(Boolean).join(", ");
  tr.append(date, el("td", e.type), el("td", who(e)), el("td", e.modality), el("td", place),
            el("td", e.confidence === null ? "" : e.confidence.toFixed(2)), el("td", outlet(e)),
            el("td", e.text.length > 160 ? e.text.slice(0, 159) + "…" : e.text, "evidence"));
  tr.addEventListener("click", () => {
    for (const row of document.querySelectorAll("#events tr.selected")) row.classList.remove("selected");
    tr.classList.add("selected");
    showEvent(e.id).catch(showError);
  });
  return tr;
}

// The outlet, or where the article came from when its page named none.
function outlet(e) {
  if (e.publisher) return e.publisher;
  try { return new URL(e.url || e.article_source).hostname; } catch { return e.article_source.split("/").pop(); }
}

function sortBy(key) {
  state.sort = state.sort === `-${key}` ? key : `-${key}`;
  state.cursors = [null];
  keepInURL();
  loadAll().catch(showError);
}

// --- provenance: every report of an event or incident, with its words ------------------

async function showIncident(id) {
  const body = await getJSON(`incidents/${encodeURIComponent(id)}`);
  const i = body.incident;
  showReports(`${when(i)} ${i.type}: ${who(i)}${i.place_name ? " in " + i.place_name : ""}`,
              `${i.reports} reports in ${i.articles} articles, ${i.stories} stories`, body.reports);
}

async function showEvent(id) {
  const body = await getJSON(`events/${encodeURIComponent(id)}`);
  const e = body.event;
  const note = e.incident_id ? "one report; " : "";
  const header = `${when(e)} ${e.type}: ${who(e)}${e.place_name ? " in " + e.place_name : ""}`;
  showReports(header, note, [body.report], e.incident_id);
}

function showReports(title, note, reports, incidentId) {
  const panel = $("provenance");
  const heading = el("p", note);
  if (incidentId) {
    const link = el("a", "every report of its incident");
    link.href = "#";
    link.addEventListener("click", (event) => { event.preventDefault(); showIncident(incidentId).catch(showError); });
    heading.append(link);
  }
  panel.replaceChildren(el("h2", "Provenance"), el("h3", title), heading, ...reports.map(reportBlock));
  const mark = panel.querySelector("mark.evidence");
  if (mark) mark.scrollIntoView({ block: "center", inline: "nearest" });
}

// Only http(s) addresses become links: a stored URL comes from a page, and a page could
// name a javascript: address.
function isWeb(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

function reportBlock(r) {
  const block = el("article", null, "report");
  const title = el("h3");
  if (isWeb(r.url)) {
    const link = el("a", r.headline || r.url);
    link.href = r.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    title.append(link);
  } else title.textContent = r.headline || r.source;
  const facts = el("dl");
  const add = (term, value) => { if (value !== null && value !== undefined && value !== "") facts.append(el("dt", term), el("dd", value)); };
  add("outlet", r.publisher);
  add("published", r.published);
  add("URL", r.url);
  add("input", r.source);
  add("event", `${r.type}${r.cameo ? ` (CAMEO ${r.cameo}${r.cameo_label ? " " + r.cameo_label : ""})` : ""}, ${r.modality}`);
  add("date", `${when(r)} (${r.precision}, from ${r.date_basis})`);
  add("confidence", r.confidence === null ? null : r.confidence.toFixed(2));
  if (r.attribution_kind) {
    const speaker = r.attribution_speaker ? ` (${r.attribution_speaker})` : "";
    add(`rests on (${r.attribution_kind})`, `${r.attribution_text}${speaker}`);
  }
  block.append(title, facts, articleText(r));
  return block;
}

// The article text with the evidence (and the quote or source it rests on) marked at their
// offsets: text nodes only, so nothing in an article is ever read as HTML.
function articleText(r) {
  const spans = [{ start: r.start, end: r.end, cls: "evidence" }];
  if (r.attribution_start !== null && (r.attribution_end <= r.start || r.attribution_start >= r.end)) {
    spans.push({ start: r.attribution_start, end: r.attribution_end, cls: "attribution" });
  }
  spans.sort((a, b) => a.start - b.start);
  const box = el("div", null, "article-text");
  let at = 0;
  for (const span of spans) {
    box.append(r.article_text.slice(at, span.start), el("mark", r.article_text.slice(span.start, span.end), span.cls));
    at = span.end;
  }
  box.append(r.article_text.slice(at));
  return box;
}

// --- read a pasted article -------------------------------------------------------------

function showReading(reading) {
  const names = Object.fromEntries(reading.actors.map((a) => [a.id, a.name]));
  const list = el("dl", null, "reading");
  const add = (term, text) => list.append(el("dt", term), el("dd", text));
  const article = reading.article || {};
  add("headline", article.headline || "(none)");
  add("published", article.published ? `${article.published.earliest ?? "?"} to ${article.published.latest ?? "?"}` : "unknown");
  add("actors", reading.actors.map((a) => `${a.name} (${a.type})`).join(", ") || "none");
  for (const e of reading.events) {
    add(`${e.type} ${[names[e.source], names[e.target]].filter(Boolean).join(" → ")}`, e.evidence.text);
  }
  const raw = el("details");
  raw.append(el("summary", "reading JSON"), el("pre", JSON.stringify(reading, null, 1)));
  $("reading").replaceChildren(list, raw);
}

async function readArticle(event) {
  event.preventDefault();
  const form = new FormData($("read"));
  $("reading").textContent = "reading…";
  const response = await fetch("read", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ [form.get("kind")]: form.get("content") }),
  });
  const body = await response.json();
  if (!response.ok) { $("reading").textContent = `not read: ${JSON.stringify(body.detail)}`; return; }
  showReading(body);
}

// --- wiring ------------------------------------------------------------------------------

$("scope").addEventListener("submit", (event) => { event.preventDefault(); applyFilters().catch(showError); });
$("clear").addEventListener("click", () => { setFilters(new URLSearchParams()); applyFilters().catch(showError); });
$("period").addEventListener("change", () => { keepInURL(); loadTimeline().catch(showError); });
$("older").addEventListener("click", () => { state.cursors.push(state.next); loadEvents().catch(showError); });
$("newer").addEventListener("click", () => { state.cursors.pop(); loadEvents().catch(showError); });
for (const th of document.querySelectorAll("#events th[data-sort]")) th.addEventListener("click", () => sortBy(th.dataset.sort));
$("read").addEventListener("submit", (event) => readArticle(event).catch(showError));

loadVocabulary()
  .then(() => { restoreFromURL(); return Promise.all([loadCounts(), loadAll()]); })
  .catch(showError);
